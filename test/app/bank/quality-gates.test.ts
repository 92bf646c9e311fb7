import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank, type FamilyCheck, type FamilyStats } from '../../../app/bank/check.ts';
import { loadBank } from '../../../app/bank/index.ts';
import {
  addToTally,
  checkCoverage,
  chiSquare,
  createTally,
  findQualifiers,
  KEY_SHORTEST_GATE,
  LANGUAGE_GATES,
  LONE_ABSOLUTE_GATE,
  TEXT_GATE,
  type Topic,
} from '../../../app/bank/quality-gates.ts';
import { CHOICE, createContentDir, MULTI, NUMERIC } from './fixtures.ts';

function check(files: Record<string, string>, seeds?: number, familyChecks?: readonly FamilyCheck[]) {
  const content = createContentDir(files);
  const bank = loadBank(content);
  // The bank's root (content's parent), so the text gate can read the files' lines.
  const rootDir = join(content, '..');
  return {
    bank,
    content,
    report: checkBank(bank, { rootDir, ...(seeds === undefined ? {} : { seeds }), ...(familyChecks === undefined ? {} : { familyChecks }) }),
  };
}

const KEY_LINE = 17; // `- {base} ...` in the CHOICE fixture

describe('findQualifiers', () => {
  it.each([
    ['It <em>always</em> returns the latest write.', ['always']],
    ['Reads MAY be stale; writes can fail.', ['may', 'can']],
    ['Project <code>ALL</code> attributes into the index.', []],
    ['It cannot be changed; Allow the action; Often-used', ['often']],
    ['Only base-table reads are guaranteed to be current.', ['only', 'guaranteed']],
  ])('%s', (html, words) => {
    expect(findQualifiers(html)).toEqual(words);
  });
});

describe('chiSquare', () => {
  it.each([
    // Critical values of the chi-square distribution: [observed, expected, p].
    [[100, 100, 100, 100, 100], [100, 100, 100, 100, 100], 1],
    [[113.8582, 86.1418], [100, 100], 0.05],
    [[150, 50], [100, 100], 1.5e-12],
  ])('%j against %j gives p = %f', (observed, expected, p) => {
    expect(chiSquare(observed, expected).p).toBeCloseTo(p, 3);
  });

  it('gives p = 0.001 at the critical value 18.467 with 4 degrees of freedom', () => {
    // Five cells of 100 expected; (o - e)^2 / e summed = 18.467.
    const d = Math.sqrt((18.467 * 100) / 2);
    const { statistic, df, p } = chiSquare([100 + d, 100 - d, 100, 100, 100], [100, 100, 100, 100, 100]);
    expect(statistic).toBeCloseTo(18.467, 6);
    expect(df).toBe(4);
    expect(p).toBeCloseTo(0.001, 5);
  });
});

describe('language gates through checkBank (500 seeds by default)', () => {
  it('passes the balanced fixtures', () => {
    const { report } = check({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI });
    expect(report.errors).toEqual([]);
    const gsi = report.families.find((f) => f.definition.summary.id === 'consistency.gsi-fixture')!;
    expect(gsi.seeds).toBe(500);
    expect(gsi.tally.measured).toBe(500);
    expect(gsi.tally.positions.reduce((a, b) => a + b, 0)).toBe(500);
  });

  it('fails a family whose key is always strictly the longest option, at the key line', () => {
    const text = CHOICE.replace(
      '- {base} Read the base table with ConsistentRead.',
      '- {base} Read the item from the base table by its key with ConsistentRead set.',
    );
    const { report } = check({ 'consistency/gsi.md': text }, 100);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: KEY_LINE,
        message:
          '[key-longest] the right option is strictly the longest in 100% of 100 variants (most often {base}); at most 50% allowed: lengthen a distractor or shorten the key',
      },
    ]);
  });

  it('does not count a key that ties for the longest', () => {
    // As long as the {gsi} option, "Query the GSI with ConsistentRead set to true.".
    const text = CHOICE.replace('- {base} Read the base table with ConsistentRead.', `- {base} ${'x'.repeat(46)}`);
    const { report } = check({ 'consistency/gsi.md': text }, 60);
    expect(report.errors).toEqual([]);
    expect(report.families[0]!.tally).toMatchObject({ keyLongestStrict: 0, keyLongestWithTies: 60 });
  });

  it('fails a family whose key is always strictly the shortest option, at the key line', () => {
    const { report } = check({ 'consistency/gsi.md': CHOICE.replace('- {base} Read the base table with ConsistentRead.', '- {base} Read the base.') }, 40, [
      KEY_SHORTEST_GATE,
    ]);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: KEY_LINE,
        message:
          '[key-shortest] the right option is strictly the shortest in 100% of 40 variants (most often {base}); at most 50% allowed: give the key the detail the distractors have, or trim a distractor',
      },
    ]);
    expect(report.families[0]!.tally).toMatchObject({ keyShortestStrict: 40, keyLongestStrict: 0 });
  });

  it('does not count a key that ties for the shortest', () => {
    // As long as the {lsi} option, "Add an LSI now.".
    const { report } = check({ 'consistency/gsi.md': CHOICE.replace('- {base} Read the base table with ConsistentRead.', `- {base} ${'x'.repeat(15)}`) }, 40);
    expect(report.errors).toEqual([]);
    expect(report.families[0]!.tally).toMatchObject({ keyShortestStrict: 0 });
  });

  it('fails a family whose key alone says "always", naming the word and the line', () => {
    const text = CHOICE.replace('- {base} Read the base table with ConsistentRead.', '- {base} Always read the base table.');
    const { report } = check({ 'consistency/gsi.md': text }, 100);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: KEY_LINE,
        message:
          '[key-only-qualifier] only the right option carries a qualifier in 100% of 100 variants (most often {base}, "always"); at most 50% allowed: drop the qualifier or give a distractor one',
      },
    ]);
  });

  it('passes a qualified key when a distractor is qualified too', () => {
    const text = CHOICE.replace('- {base} Read the base table with ConsistentRead.', '- {base} Usually read the base table.').replace(
      '- {retry} Retry the GSI until the write shows.',
      '- {retry} Sometimes retry the GSI until the write shows.',
    );
    const { report } = check({ 'consistency/gsi.md': text }, 50);
    expect(report.errors).toEqual([]);
    expect(report.families[0]!.tally).toMatchObject({ keyOnlyQualifier: 0, distractorOnlyAbsolute: 0 });
  });

  it('fails a family whose one distractor alone says "always", at that distractor\'s line', () => {
    const text = CHOICE.replace('- {retry} Retry the GSI until the write shows.', '- {retry} Always retry the GSI until the write shows.');
    const { report } = check({ 'consistency/gsi.md': text }, 50, [LONE_ABSOLUTE_GATE]);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: KEY_LINE + 4,
        message:
          '[lone-absolute] one distractor alone carries an absolute (always, never, only, all, none, must, guaranteed, guarantees, automatically) in 100% of 50 variants (most often {retry}); at most 50% allowed: reword it, or let other options state absolutes too',
      },
    ]);
    expect(report.families[0]!.tally).toMatchObject({ distractorOnlyAbsolute: 50 });
  });

  it('passes an absolute on a distractor when a right option states one too', () => {
    const text = CHOICE.replace('- {base} Read the base table with ConsistentRead.', '- {base} Always read the base table.').replace(
      '- {retry} Retry the GSI until the write shows.',
      '- {retry} Always retry the GSI until the write shows.',
    );
    const { report } = check({ 'consistency/gsi.md': text }, 50);
    expect(report.errors).toEqual([]);
    expect(report.families[0]!.tally).toMatchObject({ keyOnlyQualifier: 0, distractorOnlyAbsolute: 0 });
  });

  it('fails a multi family whose right options are the only qualified ones', () => {
    const text = MULTI.replace('- {double} Costs double an eventual read.', '- {double} Can cost twice eventual reads.');
    const { report } = check({ 'consistency/multi.md': text }, 50);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/multi.md',
        line: 17,
        message:
          '[key-only-qualifier] only the right option carries a qualifier in 100% of 50 variants (most often {double}, "can"); at most 50% allowed: drop the qualifier or give a distractor one',
      },
    ]);
  });

  it('fails too few distinct question texts at 500 seeds, unless the front matter states the small number', () => {
    const small = CHOICE.replace('  n: { int: [1, 100] }\n', '').replace(' ({{n}})', '');
    const { report } = check({ 'consistency/gsi.md': small });
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: 9,
        message: '[distinct-prompts] only 4 distinct prompts in 500 seeds (needs 50; state a smaller "distinct:" if the family is small on purpose)',
      },
    ]);
    expect(check({ 'consistency/gsi.md': small.replace('difficulty: 2', 'difficulty: 2\ndistinct: 4') }).report.errors).toEqual([]);
    // Stating more than the family has does not lower the bar.
    expect(check({ 'consistency/gsi.md': small.replace('difficulty: 2', 'difficulty: 2\ndistinct: 6') }).report.errors.map((e) => e.message)).toEqual([
      '[distinct-prompts] only 4 distinct prompts in 500 seeds (needs 6; state a smaller "distinct:" if the family is small on purpose)',
    ]);
  });
});

describe('the language gates', () => {
  it('include the key-shortest, lone-absolute and text gates', () => {
    expect(LANGUAGE_GATES.map((g) => g.id)).toEqual(['key-longest', 'key-only-qualifier', 'key-position', 'key-shortest', 'lone-absolute', 'text']);
  });
});

describe('text gate (articles, counts, "(s)", dates) through checkBank', () => {
  const only = [TEXT_GATE];

  it('passes the fixtures, whose counts and articles agree', () => {
    const { report } = check({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI }, 100, only);
    expect(report.errors).toEqual([]);
  });

  it("fails a wrong article in an option at that option's line, counting the variants", () => {
    const { report } = check({ 'consistency/gsi.md': CHOICE.replace('- {lsi} Add an LSI now.', '- {lsi} Add a LSI now.') }, 40, only);
    expect(report.errors).toEqual([
      { file: 'content/consistency/gsi.md', line: KEY_LINE + 6, message: '[text] seed 0, option {lsi}: "a LSI" should be "an LSI" (in 40 of 40 variants)' },
    ]);
  });

  it('fails a count that disagrees for some seeds only, at the prompt line, naming the first seed', () => {
    // n is 1..100: "1 reads" for the seeds that draw 1.
    const text = CHOICE.replace('needs its own write back at once ({{n}}).', 'needs its own write back at once ({{n}} reads).');
    const { report } = check({ 'consistency/gsi.md': text }, 500, only);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'content/consistency/gsi.md', line: 14 });
    expect(report.errors[0]!.message).toMatch(/^\[text\] seed \d+, the prompt: "1 reads" should be "1 read" \(in \d+ of 500 variants\)$/);
    // The plural filter makes it agree for every seed.
    const fixed = CHOICE.replace('needs its own write back at once ({{n}}).', 'needs its own write back at once ({{n}} {{n|plural:read}}).');
    expect(check({ 'consistency/gsi.md': fixed }, 500, only).report.errors).toEqual([]);
  });

  it('writes "an" before a placeholder whose value starts with a vowel sound, so "a {{n}}" passes', () => {
    const text = CHOICE.replace('needs its own write back at once ({{n}}).', 'needs its own write back at once (a {{n}} KB item).');
    const { report } = check({ 'consistency/gsi.md': text }, 200, only);
    expect(report.errors).toEqual([]);
  });

  it('fails "(s)" and an impossible date, each at its own line', () => {
    const text = CHOICE.replace(
      'GSI reads are **eventually** consistent.',
      'GSI reads are **eventually** consistent.\nThe index was created on September 31 with 2 read(s).',
    );
    const { report } = check({ 'consistency/gsi.md': text }, 20, only);
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: 28,
        message: '[text] seed 0, the explanation: "read(s)": make the count agree (1 read, 2 reads) instead of writing "(s)" (in 20 of 20 variants)',
      },
      {
        file: 'content/consistency/gsi.md',
        line: 28,
        message: '[text] seed 0, the explanation: "September 31" is not a date: September has 30 days (in 20 of 20 variants)',
      },
    ]);
  });

  it("without the file's text, points at the section", () => {
    const content = createContentDir({ 'consistency/gsi.md': CHOICE.replace('GSI reads are **eventually** consistent.', 'Created on 2024-02-30.') });
    const report = checkBank(loadBank(content), { seeds: 5, familyChecks: only });
    expect(report.errors).toEqual([
      {
        file: 'content/consistency/gsi.md',
        line: 26,
        message: '[text] seed 0, the explanation: "2024-02-30" is not a date: February 2024 has 29 days (in 5 of 5 variants)',
      },
    ]);
  });
});

describe('key-position gate', () => {
  const gate = LANGUAGE_GATES.find((g) => g.id === 'key-position')!;
  const { report } = check({ 'consistency/gsi.md': CHOICE }, 1);
  const definition = report.families[0]!.definition;

  function statsFor(positions: readonly number[], optionCount: number): FamilyStats {
    const tally = createTally();
    for (const p of positions) addToTally(tally, { optionCount, keyPositions: [p], keyAmongLongest: false });
    return {
      definition,
      seeds: positions.length,
      generated: positions.length,
      distinctPrompts: positions.length,
      keyLongest: 0,
      keyPositions: tally.positions,
      tally,
      text: new Map(),
    };
  }
  const spread = (counts: readonly number[]): number[] => counts.flatMap((n, i) => Array<number>(n).fill(i));

  it.each([
    ['uniform', [100, 100, 100, 100, 100], []],
    ['a little uneven', [85, 120, 95, 110, 90], []],
    ['first position favoured', [160, 90, 85, 85, 80], ["the right option's position is not uniform: 160 90 85 85 80 over positions 1-5 (chi-square p = "]],
  ])('%s: %j', (_, counts, messages) => {
    const problems = gate.run(statsFor(spread(counts), 5)) as { line: number; message: string }[];
    expect(problems.map((p) => p.message.slice(0, messages[0]?.length ?? 0))).toEqual(messages);
    for (const p of problems) expect(p.line).toBe(16);
  });

  it('fails a position that never holds the key once it was expected ten times, not before', () => {
    // 27 variants, 4 options: chi-square p = 0.03, position 3 expected 6.75 times.
    expect(gate.run(statsFor(spread([9, 9, 0, 9]), 4))).toEqual([]);
    // 45 variants: chi-square p = 0.002, but position 3 (expected 11.25 times) is empty.
    expect(gate.run(statsFor(spread([15, 15, 0, 15]), 4))).toEqual([
      { line: 16, message: 'the right option never sits at position 3 in 45 variants (15 15 0 15)' },
    ]);
  });
});

describe('checkCoverage', () => {
  const objectivesFile = (content: string) => join(content, 'OBJECTIVES.md');
  const topics: Topic[] = [
    { name: 'reads', definition: 'drills math.rcu', objectives: (o) => o === 'math.rcu' },
    { name: 'consistency', definition: 'drills a consistency.* objective', objectives: (o) => o.startsWith('consistency.') },
    { name: 'gone', definition: 'drills math.gone', objectives: (o) => o === 'math.gone' },
  ];

  it('names each objective drilled by fewer than two families, and each thin topic, at its line in OBJECTIVES.md', () => {
    const { bank, content } = check({ 'math/read.md': NUMERIC, 'consistency/gsi.md': CHOICE, 'consistency/multi.md': MULTI }, 1);
    const coverage = checkCoverage(bank, objectivesFile(content), 'content/OBJECTIVES.md', topics);
    expect(coverage.objectives).toEqual([
      { objective: 'math.rcu', families: 1, kinds: 'numeric' },
      { objective: 'math.wcu', families: 0, kinds: '' },
      { objective: 'consistency.gsi', families: 1, kinds: 'choice' },
      { objective: 'consistency.strong', families: 2, kinds: 'choice, multi' },
    ]);
    expect(coverage.topics.map((t) => [t.topic.name, t.families])).toEqual([
      ['reads', ['math.read-fixture']],
      ['consistency', ['consistency.gsi-fixture', 'consistency.multi-fixture']],
      ['gone', []],
    ]);
    expect(coverage.errors).toEqual([
      { file: 'content/OBJECTIVES.md', line: 4, message: '[objective-coverage] math.rcu is drilled by 1 family; needs 2' },
      { file: 'content/OBJECTIVES.md', line: 5, message: '[objective-coverage] math.wcu is drilled by 0 families; needs 2' },
      { file: 'content/OBJECTIVES.md', line: 8, message: '[objective-coverage] consistency.gsi is drilled by 1 family; needs 2' },
      {
        file: 'content/OBJECTIVES.md',
        line: 4,
        message: '[topic-coverage] topic "reads" (drills math.rcu) is drilled by 1 family; needs 6: math.read-fixture',
      },
      {
        file: 'content/OBJECTIVES.md',
        line: 8,
        message:
          '[topic-coverage] topic "consistency" (drills a consistency.* objective) is drilled by 2 families; needs 6: consistency.gsi-fixture, consistency.multi-fixture',
      },
      { file: 'content/OBJECTIVES.md', line: 1, message: '[topic-coverage] topic "gone" (drills math.gone) matches no objective in content/OBJECTIVES.md' },
    ]);
  });
});
