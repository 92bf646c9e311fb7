import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptsToCsv, csvField, type ExportedAttempt } from '../../../app/progress/export.ts';
import { Browser, createTestApp, type TestApp, wrongAnswer } from '../../helpers/test-app.ts';
import { queryNumber } from '../../helpers/database.ts';

let t: TestApp;
let browser: Browser;
beforeEach(async () => {
  t = await createTestApp({ clock: { now: () => new Date(Date.UTC(2026, 2, 1, 12, 30)) } });
  browser = new Browser(t.app);
});
afterEach(() => t.close());

function countRows(app: TestApp): Promise<number> {
  return queryNumber(app.database, 'select count(*) from attempts');
}

/** Three attempts of different kinds through the API: right, wrong, right. */
async function answerSome(): Promise<void> {
  const picks = (['choice', 'numeric', 'multi'] as const).map((kind) => t.bank.scenarios.find((s) => s.kind === kind)).filter((s) => s !== undefined);
  for (const [i, scenario] of picks.entries()) {
    const answer = i === 1 ? wrongAnswer(t.bank, scenario.id, 40 + i) : t.bank.referenceAnswer(scenario.id, 40 + i);
    const response = await browser.postJson(`/api/questions/${scenario.id}/${40 + i}/answers`, {
      answer,
      submissionToken: `export-token-${i}`,
      secondsTaken: 10 + i,
    });
    expect(response.status).toBe(200);
  }
}

async function exportJson(learner: Browser): Promise<{ attempts: ExportedAttempt[] } & Record<string, unknown>> {
  const response = await learner.request('/progress/export.json');
  expect(response.status).toBe(200);
  return response.json();
}

describe('export', () => {
  it('downloads every attempt as a JSON attachment with the fields import needs', async () => {
    await answerSome();
    const response = await browser.request('/progress/export.json');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="attempts-2026-03-01.json"');
    const body = await response.json();
    expect(body).toMatchObject({ format: 'dynamodb-study/attempts', version: 1, exportedAt: '2026-03-01T12:30:00.000Z' });
    expect(body.attempts).toHaveLength(3);
    const first = body.attempts[0];
    expect(Object.keys(first).sort()).toEqual(
      [
        'answer',
        'answeredAt',
        'area',
        'confidence',
        'fingerprint',
        'objectives',
        'params',
        'result',
        'scenarioId',
        'score',
        'secondsTaken',
        'seed',
        'source',
        'submissionToken',
        'title',
        'variant',
        'verdict',
      ].sort(),
    );
    expect(first).toMatchObject({ submissionToken: 'export-token-0', verdict: 'correct', secondsTaken: 10, answeredAt: '2026-03-01T12:30:00.000Z' });
    expect(first.fingerprint).toBe(t.bank.fingerprint(first.scenarioId));
    expect(first.title).toBe(t.bank.get(first.scenarioId)!.title);
  });

  it('downloads the same rows as CSV, and through the API in either format', async () => {
    await answerSome();
    const response = await browser.request('/progress/export.csv');
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="attempts-2026-03-01.csv"');
    const csv = await response.text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('scenario_id,seed,title,area,objectives,answer,verdict,score,seconds_taken,answered_at,submission_token,confidence,source');
    expect(lines).toHaveLength(5); // header, three rows, the empty string after the last CRLF
    expect(lines[1]).toContain(',correct,1,10,2026-03-01T12:30:00.000Z,export-token-0');
    expect(await (await browser.request('/api/attempts/export?format=csv')).text()).toBe(csv);
    expect((await (await browser.request('/api/attempts/export')).json()).attempts).toEqual((await exportJson(browser)).attempts);
    expect((await browser.request('/api/attempts/export?format=xml')).status).toBe(400);
  });

  it('is empty, not an error, before the first answer, and creates no profile', async () => {
    expect((await exportJson(browser)).attempts).toEqual([]);
    expect(await queryNumber(t.database, 'select count(*) from profiles')).toBe(0);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['-3', '-3'],
    ['-0.5e3', '-0.5e3'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('guards answers and titles a learner or an import could set', () => {
    const row = {
      scenarioId: 's',
      seed: 1,
      title: '=cmd|"/c calc"!A1',
      area: 'a',
      objectives: ['a.b', 'a.c'],
      answer: { kind: 'request', json: '{"a": 1, "b": 2}' },
      verdict: 'incorrect',
      score: 0,
      secondsTaken: null,
      answeredAt: '2026-01-01T00:00:00.000Z',
      submissionToken: 'tok-12345',
    } as unknown as ExportedAttempt;
    expect(attemptsToCsv([row]).split('\r\n')[1]).toBe(
      `s,1,"'=cmd|""/c calc""!A1",a,a.b a.c,"{""a"": 1, ""b"": 2}",incorrect,0,,2026-01-01T00:00:00.000Z,tok-12345,,practice`,
    );
  });
});

describe('import', () => {
  it('round-trips into a fresh database with the same result pages, and a second import stores nothing', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const resultPage = await (await browser.request('/attempts/1')).text();

    // The same moment on the new server: the nav's due count depends on the clock.
    const fresh = await createTestApp({ clock: { now: () => new Date(Date.UTC(2026, 2, 1, 12, 30)) } });
    try {
      const learner = new Browser(fresh.app);
      const first = await learner.postJson('/api/attempts/import', exported);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ imported: 3, alreadyThere: 0, refusedRows: [] });
      const again = await learner.postJson('/api/attempts/import', exported);
      expect(await again.json()).toEqual({ imported: 0, alreadyThere: 3, refusedRows: [] });
      expect(await countRows(fresh)).toBe(3);

      const reexported = await exportJson(learner);
      expect(reexported.attempts).toEqual(exported.attempts);
      // Attempt ids are the new database's; the page is otherwise the same.
      expect(await (await learner.request('/attempts/1')).text()).toBe(resultPage);
      const progress = await (await learner.request('/api/progress')).json();
      expect(progress.overall).toMatchObject({ attempts: 3, correct: 2 });
    } finally {
      await fresh.close();
    }
  });

  it('takes a file upload or pasted text on the progress page and says how many were imported and already there', async () => {
    await answerSome();
    const text = JSON.stringify(await exportJson(browser));
    const fresh = await createTestApp();
    try {
      const learner = new Browser(fresh.app);
      const form = new FormData();
      form.set('file', new File([text], 'attempts.json', { type: 'application/json' }));
      form.set('json', '');
      const uploaded = await learner.request('/progress/import', { method: 'POST', body: form });
      expect(uploaded.status).toBe(200);
      const html = await uploaded.text();
      expect(html).toContain('role="status"');
      expect(html).toContain('Imported 3 attempts; 0 were already in your record.');
      expect(html).toContain('3 attempts, ');

      const pasted = new FormData();
      pasted.set('file', new File([], '', { type: 'application/octet-stream' }));
      pasted.set('json', text);
      expect(await (await learner.request('/progress/import', { method: 'POST', body: pasted })).text()).toContain(
        'Imported 0 attempts; 3 were already in your record.',
      );
      expect(await countRows(fresh)).toBe(3);
    } finally {
      await fresh.close();
    }
  });

  it('refuses, row by row, a submission token another learner already holds', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const stranger = new Browser(t.app);
    const own = { ...exported.attempts[0]!, submissionToken: 'stranger-own-token' };
    const response = await stranger.postJson('/api/attempts/import', { ...exported, attempts: [exported.attempts[1], own, exported.attempts[2]] });
    expect(await response.json()).toEqual({ imported: 1, alreadyThere: 0, refusedRows: [0, 2] });
    expect(await countRows(t)).toBe(4);
  });

  it('names every bad row by index and field and stores nothing', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const [a, b, c] = exported.attempts as unknown as Array<Record<string, unknown>>;
    const fresh = await createTestApp();
    try {
      const learner = new Browser(fresh.app);
      const bad = {
        ...exported,
        attempts: [
          { ...a, submissionToken: 'fine-token-1' },
          { ...b, score: 7 },
          { ...c, answer: { kind: 'essay' }, answeredAt: 'yesterday' },
        ],
      };
      const response = await learner.postJson('/api/attempts/import', bad);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('InvalidInput');
      expect(error.field).toBe('attempts[1].score');
      expect(error.issues.map((i: { row: number; field: string }) => [i.row, i.field])).toEqual(
        expect.arrayContaining([
          [1, 'score'],
          [2, 'answer.kind'],
          [2, 'answeredAt'],
        ]),
      );
      expect(error.message).toContain('Nothing was imported');
      expect(await countRows(fresh)).toBe(0);

      const form = new FormData();
      form.set('json', JSON.stringify(bad));
      const page = await learner.request('/progress/import', { method: 'POST', body: form });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('<code>attempts[1].score</code>');
      expect(html).toContain('<code>attempts[2].answeredAt</code>');
      expect(html).toContain('aria-invalid="true"');
      expect(await countRows(fresh)).toBe(0);
      expect(await queryNumber(fresh.database, 'select count(*) from profiles')).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['text that is not JSON', 'not json at all', 'file', 'This is not JSON'],
    ['the CSV export', 'scenario_id,seed\r\nx,1\r\n', 'file', 'This is the CSV export'],
    ['JSON of another shape', '{"attempts": 3}', 'format', 'import takes the JSON export'],
    ['nothing at all', '', 'file', 'Choose the JSON file of an export, or paste its text.'],
  ])('answers %s with a 400 naming the field', async (_label, text, field, message) => {
    const form = new FormData();
    form.set('json', text);
    const response = await browser.request('/progress/import', { method: 'POST', body: form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`<code>${field}</code>`);
    expect(html).toContain(message);
  });

  it('rejects a record whose parts disagree (variant of another seed, result of another verdict)', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const row = exported.attempts[0]! as unknown as { variant: { seed: number }; result: { verdict: string } };
    const broken = {
      ...row,
      submissionToken: 'broken-token-1',
      variant: { ...row.variant, seed: row.variant.seed + 1 },
      result: { ...row.result, verdict: 'incorrect' },
    };
    const { error } = await (await new Browser(t.app).postJson('/api/attempts/import', { ...exported, attempts: [broken] })).json();
    expect(error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['result.verdict', 'variant.seed']);
  });

  it('sanitizes HTML in an imported record as it does content', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const row = exported.attempts[0]! as unknown as { variant: { promptHtml: string }; result: { explanationHtml: string } };
    const hostile = {
      ...row,
      submissionToken: 'hostile-token-1',
      variant: { ...row.variant, promptHtml: '<p>Prompt<script>alert(1)</script><img src=x onerror="alert(2)"></p>' },
      result: { ...row.result, explanationHtml: '<a href="javascript:alert(3)">why</a>' },
    };
    const learner = new Browser(t.app);
    expect((await (await learner.postJson('/api/attempts/import', { ...exported, attempts: [hostile] })).json()).imported).toBe(1);
    const stored = (await exportJson(learner)).attempts[0]! as unknown as { variant: { promptHtml: string }; result: { explanationHtml: string } };
    expect(stored.variant.promptHtml).toBe('<p>Prompt</p>');
    expect(stored.result.explanationHtml).not.toContain('javascript:');
  });

  it('accepts an import above the 64 KB app-wide limit, up to 20 MB', async () => {
    await answerSome();
    const exported = await exportJson(browser);
    const many = Array.from({ length: 60 }, (_, i) => ({ ...exported.attempts[i % 3]!, submissionToken: `bulk-token-${i}` }));
    const body = JSON.stringify({ ...exported, attempts: many });
    expect(body.length).toBeGreaterThan(64 * 1024);
    const learner = new Browser(t.app);
    const response = await learner.request('/api/attempts/import', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(await response.json()).toEqual({ imported: 60, alreadyThere: 0, refusedRows: [] });
    const tooBig = await learner.request('/api/attempts/import', {
      method: 'POST',
      body: ' '.repeat(20 * 1024 * 1024 + 1),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(tooBig.status).toBe(413);
  });

  it('is described in the OpenAPI document', async () => {
    const document = await (await browser.request('/api/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/attempts/export', '/api/attempts/import']));
    expect(document.components.schemas).toHaveProperty('ImportError');
  });
});
