import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import type { Answer, Bank, PreparedQuestion } from '../../../app/bank/types.ts';
import { createApp } from '../../../app/create-app.ts';
import type { Store } from '../../../app/db/store.ts';
import { insertAttempt } from '../../../app/progress/attempts.ts';
import { insertProfile } from '../../../app/progress/profiles.ts';
import { CHOICE, createContentDir } from '../bank/fixtures.ts';
import { openTestStore } from '../../helpers/database.ts';
import { answerFields, Browser, loadContentBank, readSubmissionToken } from '../../helpers/test-app.ts';

/** A bank that counts how often a variant is generated and an answer graded. */
function countingBank(inner: Bank) {
  const counts = { generations: 0, grades: 0 };
  const bank: Bank = {
    areas: inner.areas,
    scenarios: inner.scenarios,
    errors: inner.errors,
    get: (id) => inner.get(id),
    fingerprint: (id) => inner.fingerprint(id),
    variant(id, seed) {
      counts.generations += 1;
      return inner.variant(id, seed);
    },
    grade(id, seed, answer) {
      counts.generations += 1;
      counts.grades += 1;
      return inner.grade(id, seed, answer);
    },
    prepare(id, seed): PreparedQuestion {
      counts.generations += 1;
      const question = inner.prepare(id, seed);
      return {
        variant: question.variant,
        fingerprint: question.fingerprint,
        grade(answer: Answer) {
          counts.grades += 1;
          return question.grade(answer);
        },
      };
    },
  };
  return { bank, counts, reset: () => Object.assign(counts, { generations: 0, grades: 0 }) };
}

let database: Store;
beforeEach(async () => {
  database = await openTestStore();
});
afterEach(() => database.close());

describe('answering generates the variant once and grades it once', () => {
  const content = loadContentBank();
  const scenario = content.scenarios.find((s) => s.kind === 'choice')!;

  it('for a page answer, and a repeated submission returns the stored grade without grading it again', async () => {
    const counting = countingBank(content);
    const browser = new Browser(createApp({ db: database.db, bank: counting.bank, logger: { info: () => {}, error: () => {} } }));
    const token = readSubmissionToken(await (await browser.request(`/q/${scenario.id}/3`)).text());
    const right = content.referenceAnswer(scenario.id, 3);
    counting.reset();
    const first = await browser.postForm(`/q/${scenario.id}/3`, [['token', token], ...answerFields(right)]);
    expect(first.status).toBe(303);
    expect(counting.counts).toEqual({ generations: 1, grades: 1 });

    counting.reset();
    const html = await (await browser.request(first.headers.get('Location')!)).text();
    expect(html).toContain('badge-correct');
    expect(counting.counts).toEqual({ generations: 0, grades: 0 });
  });

  it('for an API answer, and the same token with another answer gets the first grade back', async () => {
    const counting = countingBank(content);
    const browser = new Browser(createApp({ db: database.db, bank: counting.bank, logger: { info: () => {}, error: () => {} } }));
    const right = content.referenceAnswer(scenario.id, 5);
    const variant = content.variant(scenario.id, 5);
    const wrong: Answer = {
      kind: 'choice',
      optionId: variant.kind === 'choice' ? variant.options.find((o) => right.kind === 'choice' && o.id !== right.optionId)!.id : '',
    };
    counting.reset();
    const first = await (await browser.postJson(`/api/questions/${scenario.id}/5/answers`, { answer: right, submissionToken: 'repeat-me-1' })).json();
    expect(counting.counts).toEqual({ generations: 1, grades: 1 });
    const again = await (await browser.postJson(`/api/questions/${scenario.id}/5/answers`, { answer: wrong, submissionToken: 'repeat-me-1' })).json();
    expect(again).toMatchObject({ attemptId: first.attemptId, recorded: false });
    expect(again.result).toEqual(first.result);
    expect(again.result.verdict).toBe('correct');

    counting.reset();
    const stored = await (await browser.request(`/api/attempts/${first.attemptId}`)).json();
    expect(stored.result).toEqual(first.result);
    expect(stored.variant).toEqual(JSON.parse(JSON.stringify(variant)));
    expect(stored.scenarioFile).toBe('unchanged');
    expect(counting.counts).toEqual({ generations: 0, grades: 0 });
  });
});

describe('a stored grade', () => {
  const silent = { info: () => {}, error: () => {} };

  it('survives an edit of its scenario file, and the result says the file changed, then that it is gone', async () => {
    const dir = createContentDir({ 'consistency/gsi.md': CHOICE });
    const file = join(dir, 'consistency/gsi.md');
    const before = loadBank(dir);
    const browser = new Browser(createApp({ db: database.db, bank: before, logger: silent }));
    const token = readSubmissionToken(await (await browser.request('/q/consistency.gsi-fixture/4')).text());
    const answered = await browser.postForm('/q/consistency.gsi-fixture/4', [
      ['token', token],
      ['option', 'base'],
    ]);
    const resultUrl = answered.headers.get('Location')!;
    const cookie = answered.headers.get('Set-Cookie')!.split(';')[0]!;
    const original = await (await browser.request(resultUrl)).text();
    expect(original).toContain('badge-correct');
    expect(original).not.toContain('data-grade-provenance');

    // Another key and another explanation: a regrade would now call the same answer wrong.
    writeFileSync(
      file,
      CHOICE.replace('answer: { correct: base }', 'answer: { correct: retry }').replace('GSI reads are **eventually** consistent.', 'Rewritten explanation.'),
    );
    const after = loadBank(dir);
    expect(after.fingerprint('consistency.gsi-fixture')).not.toBe(before.fingerprint('consistency.gsi-fixture'));
    expect(after.grade('consistency.gsi-fixture', 4, { kind: 'choice', optionId: 'base' }).verdict).toBe('incorrect');
    const reloaded = createApp({ db: database.db, bank: after, logger: silent });
    const html = await (await reloaded.request(resultUrl, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('badge-correct');
    expect(html).toContain('Score 100%');
    expect(html).toContain('<strong>eventually</strong> consistent.');
    expect(html).not.toContain('Rewritten explanation.');
    expect(html).toContain('The scenario file has changed since you answered; this is the result as it was graded then.');
    const api = await (await reloaded.request(`/api${resultUrl}`, { headers: { Cookie: cookie } })).json();
    expect(api).toMatchObject({ scenarioFile: 'changed', attempt: { verdict: 'correct' }, result: { verdict: 'correct', score: 1 } });

    rmSync(file);
    const emptied = createApp({ db: database.db, bank: loadBank(dir), logger: silent });
    const gone = await emptied.request(resultUrl, { headers: { Cookie: cookie } });
    expect(gone.status).toBe(200);
    const goneHtml = await gone.text();
    expect(goneHtml).toContain('This scenario has since been removed from the question bank');
    expect(goneHtml).toContain('badge-correct');
    expect(goneHtml).not.toContain('Try this variant again');
    expect((await (await emptied.request(`/api${resultUrl}`, { headers: { Cookie: cookie } })).json()).scenarioFile).toBe('removed');
  });

  it('stored before grades were kept shows its recorded verdict with a note, without grading', async () => {
    const content = loadContentBank();
    const scenario = content.scenarios.find((s) => s.kind === 'choice')!;
    const counting = countingBank(content);
    const app = createApp({ db: database.db, bank: counting.bank, logger: silent });
    const profile = await insertProfile(database.db, 'legacy-learner-cookie', new Date(0));
    const legacy = (await insertAttempt(database.db, {
      profileId: profile.id,
      submissionToken: 'legacy-token-1',
      scenarioId: scenario.id,
      seed: 9,
      area: scenario.area,
      objectives: [...scenario.objectives],
      params: {},
      answer: { kind: 'choice', optionId: 'whatever' },
      verdict: 'partial',
      score: 0.5,
      secondsTaken: 12,
      createdAt: new Date(0),
    }))!.attempt;
    const headers = { Cookie: 'learner=legacy-learner-cookie' };
    const html = await (await app.request(`/attempts/${legacy.id}`, { headers })).text();
    expect(html).toContain('badge-partial');
    expect(html).toContain('Score 50%');
    expect(html).toContain('This attempt was recorded before results were stored with answers');
    expect(counting.counts.grades).toBe(0);
    const api = await (await app.request(`/api/attempts/${legacy.id}`, { headers })).json();
    expect(api).toMatchObject({ result: null, variant: null, scenarioFile: 'unknown', attempt: { verdict: 'partial', score: 0.5 } });
  });
});
