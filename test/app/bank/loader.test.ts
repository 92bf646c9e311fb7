import { describe, expect, it } from 'vitest';
import { listScenarioFiles, loadBank } from '../../../app/bank/index.ts';
import { CHOICE, createContentDir, MULTI, NUMERIC } from './fixtures.ts';

function errorsFor(text: string): { file: string; line: number; message: string }[] {
  const dir = createContentDir({ 'math/ok.md': NUMERIC, 'math/broken.md': text });
  const bank = loadBank(dir);
  expect(bank.get('math.read-fixture')).toBeDefined();
  return [...bank.errors];
}

describe('loadBank', () => {
  it('loads every scenario, with areas from OBJECTIVES.md and paths relative to the repository', () => {
    const bank = loadBank(
      createContentDir({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI, 'README.md': '# not a scenario' }),
    );
    expect(bank.errors).toEqual([]);
    expect(bank.scenarios.map((s) => [s.id, s.kind, s.area, s.file])).toEqual([
      ['consistency.gsi-fixture', 'choice', 'consistency', 'content/consistency/gsi.md'],
      ['consistency.multi-fixture', 'multi', 'consistency', 'content/consistency/multi.md'],
      ['math.read-fixture', 'numeric', 'math', 'content/math/read.md'],
    ]);
    expect(bank.areas.map((a) => [a.id, a.title, a.objectives.length])).toEqual([
      ['math', 'capacity unit arithmetic', 2],
      ['consistency', 'read consistency', 2],
    ]);
  });

  it.each([
    ['a YAML syntax error', NUMERIC.replace('title: Reads', 'title: Reads: fast'), 3, /^YAML: Nested mappings are not allowed/],
    ['an unknown front-matter key', NUMERIC.replace('difficulty: 1', 'difficulty: 1\nlevel: 3'), 2, /unknown key level/],
    ['a bad difficulty', NUMERIC.replace('difficulty: 1', 'difficulty: 7'), 6, /^difficulty: /],
    ['an unknown objective', NUMERIC.replace('[math.rcu]', '[math.nope]'), 5, /Unknown objective "math.nope"/],
    ["an id outside the first objective's area", NUMERIC.replace('id: math.read-fixture', 'id: core.read-fixture'), 2, /must start with "math\."/],
    ['an unbound placeholder in the prompt', NUMERIC.replace('{{reads}} {{consistency}}', '{{reeds}} {{consistency}}'), 19, /The prompt uses \{\{reeds\}\}/],
    ['an unbound placeholder in an argument', NUMERIC.replace('"{{kb}}*1024', '"{{kib}}*1024'), 16, /Argument itemBytes uses \{\{kib\}\}/],
    ['an unbound placeholder in the unit', NUMERIC.replace('unit: RCU', 'unit: "{{units}}"'), 17, /answer\.unit uses \{\{units\}\}/],
    ['an unknown calculator', NUMERIC.replace('provisionedReadUnits', 'readUnitz'), 15, /Unknown calculator "readUnitz"/],
    ['a malformed parameter', NUMERIC.replace('{ int: [1, 1000] }', '{ between: [1, 1000] }'), 11, /^params\.extra: a parameter is one of/],
    ['an empty range', NUMERIC.replace('{ int: [1, 40] }', '{ int: [40, 1] }'), 10, /min 40 is above max 1/],
    ['a missing explanation', NUMERIC.replace('## Explanation\nRound up to 4 KB, then multiply.\n', ''), 21, /Missing "## Explanation"/],
    ['no front matter', 'Just text', 1, /must start with front matter/],
  ])('reports %s with its line and leaves only that file out', (_, text, line, message) => {
    const errors = errorsFor(text.replace(/math\.read-fixture/g, (m) => (text === NUMERIC ? m : 'math.broken')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('content/math/broken.md');
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.line).toBe(line);
  });

  it.each([
    ['duplicate option ids', CHOICE.replace('- {retry}', '- {gsi}'), /Option id \{gsi\} is used twice/],
    ['an answer naming no option', CHOICE.replace('correct: base', 'correct: bsae'), /answer\.correct names option \{bsae\}/],
    ['an option without a why', CHOICE.replace('  why: No guarantee.\n', ''), /Option \{retry\} has no "why:"/],
    ['options on a numeric scenario', NUMERIC.replace('## Explanation', '## Options\n- {a} A\n  why: x\n\n## Explanation'), /has no options/],
    ['choose not matching the key', MULTI.replace('choose: 2', 'choose: 3'), /choose is 3 but answer.correct lists 2/],
    ['a numeric answer on a choice scenario', CHOICE.replace('answer: { correct: base }', 'answer: { calculator: x, args: {}, unit: RCU }'), /^answer\./],
  ])('reports %s', (_, text, message) => {
    const dir = createContentDir({ 'consistency/broken.md': text });
    const bank = loadBank(dir);
    expect(bank.scenarios).toEqual([]);
    expect(bank.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(message));
    for (const e of bank.errors) expect(e.line).toBeGreaterThan(1);
  });

  it('reports a misspelt section at its line, and the section it lacks', () => {
    const errors = errorsFor(NUMERIC.replace('## Explanation', '## Explanaton').replace('math.read-fixture', 'math.broken'));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [21, 'Unknown section "## Explanaton"; sections are "## Options", "## Right", "## Wrong", "## Explanation" (use ### inside a prompt)'],
      [23, 'Missing "## Explanation" section'],
    ]);
  });

  it('reports a reused id on the second file', () => {
    const bank = loadBank(createContentDir({ 'math/a.md': NUMERIC, 'math/b.md': NUMERIC }));
    expect(bank.scenarios).toHaveLength(1);
    expect(bank.errors).toEqual([{ file: 'content/math/b.md', line: 2, message: 'The id math.read-fixture is already used by content/math/a.md' }]);
  });
});

describe('listScenarioFiles', () => {
  it("skips the content root's own files only: a family saved as <area>/texts.md is listed", () => {
    const dir = createContentDir({ 'README.md': '# x', 'texts.md': '', 'math/texts.md': NUMERIC, 'math/steps.md': NUMERIC, 'math/read.md': NUMERIC });
    const listed = listScenarioFiles(dir).map((path) => path.slice(dir.length + 1));
    expect(listed).toEqual(['math/read.md', 'math/steps.md', 'math/texts.md']);
  });
});

describe('options', () => {
  it('continue on indented lines, and so do their whys', () => {
    const text = CHOICE.replace(
      '- {retry} Retry the GSI until the write shows.\n  why: No guarantee.',
      '- {retry} Retry the GSI\n  until the write shows.\n  why: No guarantee,\n  and it costs reads.',
    );
    const bank = loadBank(createContentDir({ 'consistency/gsi.md': text }));
    expect(bank.errors).toEqual([]);
    const v = bank.variant('consistency.gsi-fixture', 1);
    expect(v.kind === 'choice' && v.options.find((o) => o.id === 'retry')?.html).toBe('Retry the GSI until the write shows.');
    const result = bank.grade('consistency.gsi-fixture', 1, { kind: 'choice', optionId: 'retry' });
    expect(result.kind === 'choice' && result.options.find((o) => o.id === 'retry')?.whyHtml).toBe('<p>No guarantee,\nand it costs reads.</p>');
  });

  it('reports a stray unindented line in the options', () => {
    const bank = loadBank(createContentDir({ 'consistency/gsi.md': CHOICE.replace('  why: No guarantee.', 'why: No guarantee.') }));
    expect(bank.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: 22,
        message: 'In "## Options", each option starts "- {id} text" and its other lines (and "why:") are indented',
      },
      { file: 'content/consistency/gsi.md', line: 21, message: 'Option {retry} has no "why:" line explaining why it is right or wrong' },
    ]);
  });
});
