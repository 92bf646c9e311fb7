import { describe, expect, it } from 'vitest';
import { checkBank, coverageRows } from '../../../app/bank/check.ts';
import { createDeriverRegistry } from '../../../app/bank/derivers.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { CHOICE, createContentDir, MULTI, NUMERIC } from './fixtures.ts';

// A deriver that picks a key which is sometimes not an option, and sometimes names the same option twice.
const derivers = createDeriverRegistry([
  {
    name: 'flaky',
    description: 'test',
    outputs: ['best', 'first', 'second'],
    derive: (params) => ({
      best: Number(params.n) % 2 === 0 ? 'base' : 'nowhere',
      first: 'double',
      second: Number(params.n) % 3 === 0 ? 'double' : 'latest',
    }),
  },
]);

function check(files: Record<string, string>, seeds = 30) {
  const bank = loadBank(createContentDir(files), { derivers });
  return { bank, report: checkBank(bank, { seeds }) };
}

describe('checkBank', () => {
  it('passes good families and reports their stats', () => {
    const { report } = check({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI });
    expect(report.errors).toEqual([]);
    const gsi = report.families.find((f) => f.definition.summary.id === 'consistency.gsi-fixture')!;
    expect(gsi.generated).toBe(30);
    expect(gsi.keyPositions.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('names the file, the parameters line and the first failing seed when a derived key is not an option', () => {
    const text = CHOICE.replace('answer: { correct: base }', 'derive: flaky\nanswer: { correct: "{{best}}" }');
    const { report } = check({ 'consistency/gsi.md': text });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'content/consistency/gsi.md', line: 9 });
    expect(report.errors[0]!.message).toMatch(
      /^\[generates\] seed \d+: does not generate: The answer resolves to \{nowhere\}, which is not an option \(and \d+ more in 30 seeds\)$/,
    );
  });

  it('reports a multi key that names one option twice', () => {
    const text = MULTI.replace('answer: { correct: [double, latest] }', 'derive: flaky\nanswer: { correct: ["{{first}}", "{{second}}"] }');
    const { report } = check({ 'consistency/multi.md': text });
    expect(report.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^\[generates\] seed \d+: does not generate: The answer names an option twice: double, double \(and \d+ more in 30 seeds\)$/),
    ]);
  });

  it('reports two options that render the same', () => {
    const text = CHOICE.replace('- {lsi} Add an LSI now.', '- {lsi} Retry the GSI until the write shows.');
    const { report } = check({ 'consistency/gsi.md': text });
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: 16,
        message: expect.stringMatching(
          /^\[options-distinct\] seed 0: options \{(retry|lsi)\} and \{(retry|lsi)\} render the same: Retry the GSI until the write shows\. \(and 29 more in 30 seeds\)$/,
        ),
      },
    ]);
  });

  it('reports arguments the calculator rejects for some seeds', () => {
    const text = NUMERIC.replace('{ int: [1, 40] }', '{ int: [1, 900] }');
    const { report } = check({ 'math/read.md': text }, 60);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(
      /^\[generates\] seed \d+: does not generate: Calculator provisionedReadUnits rejected its arguments .*itemBytes: an item is at most 400 KB/,
    );
  });

  it('asks for `distinct:` when a family has few distinct questions', () => {
    const text = CHOICE.replace('  n: { int: [1, 100] }\n', '').replace(' ({{n}})', '');
    const { report } = check({ 'consistency/gsi.md': text }, 200);
    expect(report.errors.map((e) => e.message)).toEqual([
      '[distinct-prompts] only 4 distinct prompts in 200 seeds (needs 50; state a smaller "distinct:" if the family is small on purpose)',
    ]);
    const stated = check({ 'consistency/gsi.md': text.replace('difficulty: 2', 'difficulty: 2\ndistinct: 4') }, 200);
    expect(stated.report.errors).toEqual([]);
  });
});

describe('coverageRows', () => {
  it('counts families and kinds per objective, including objectives with none', () => {
    const { bank } = check({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI });
    expect(coverageRows(bank)).toEqual([
      { objective: 'math.rcu', families: 1, kinds: 'numeric' },
      { objective: 'math.wcu', families: 0, kinds: '' },
      { objective: 'consistency.gsi', families: 1, kinds: 'choice' },
      { objective: 'consistency.strong', families: 2, kinds: 'choice, multi' },
    ]);
  });
});
