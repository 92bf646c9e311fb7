import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Calculator } from '../../../app/bank/calculator.ts';
import { CALCULATORS } from '../../../app/bank/calculators.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { checkMisconceptionTexts, DEFAULT_MISCONCEPTIONS_FILE, parseMisconceptionTexts } from '../../../app/bank/misconception-texts.ts';
import { createContentDir, NUMERIC } from './fixtures.ts';

const FILE = 'content/misconceptions.md';

const TEXTS = `---
reads:
  no-round-up:
    name: Did not round up
    explanation: Reads are charged in whole 4 KB blocks.
  one-kb-reads:
    name: Used 1 KB blocks
    explanation: A read unit covers 4 KB.
---
Prose for authors.
`;

/** A calculator whose only wrong methods are reads.no-round-up and reads.one-kb-reads. */
const READS = {
  name: 'reads',
  misconceptions: [
    { id: 'no-round-up', topic: 'reads', compute: () => 1 },
    { id: 'one-kb-reads', topic: 'reads', compute: () => 2 },
  ],
} as unknown as Calculator<unknown>;

describe('parseMisconceptionTexts', () => {
  it('reads each entry under topic.id with the line of its id', () => {
    const { texts, errors } = parseMisconceptionTexts(TEXTS, FILE);
    expect(errors).toEqual([]);
    expect(texts.get('reads.no-round-up')).toEqual({ name: 'Did not round up', explanation: 'Reads are charged in whole 4 KB blocks.', line: 3 });
    expect(texts.get('reads.one-kb-reads')?.line).toBe(6);
  });

  it.each([
    [
      'an empty explanation',
      TEXTS.replace('explanation: A read unit covers 4 KB.', 'explanation: ""'),
      8,
      /reads\.one-kb-reads\.explanation: must not be empty/,
    ],
    ['a missing name', TEXTS.replace('    name: Used 1 KB blocks\n', ''), 6, /reads\.one-kb-reads\.name/],
    ['an unknown field', TEXTS.replace('    name: Did not round up', '    name: Did not round up\n    why: extra'), 5, /unknown key why/],
    ['an id that is not a slug', TEXTS.replace('one-kb-reads:', 'One KB:'), 6, /lower-case words joined by hyphens/],
    ['an id written twice', TEXTS.replace('one-kb-reads:', 'no-round-up:'), 6, /YAML: .*[Uu]nique/],
  ])('reports %s with the file and its line', (_what, source, line, message) => {
    const { errors } = parseMisconceptionTexts(source, FILE);
    expect(errors).toEqual([expect.objectContaining({ file: FILE, line })]);
    expect(errors[0]!.message).toMatch(message);
  });

  it('needs front matter', () => {
    expect(parseMisconceptionTexts('reads: {}', FILE).errors).toEqual([
      expect.objectContaining({ file: FILE, line: 1, message: expect.stringMatching(/front matter/) }),
    ]);
  });
});

describe('checkMisconceptionTexts', () => {
  it('passes when every wrong method has its words and every entry is used', () => {
    expect(checkMisconceptionTexts(parseMisconceptionTexts(TEXTS, FILE).texts, FILE, [READS])).toEqual([]);
  });

  it('names the calculator and the entry to add when a wrong method has no words', () => {
    const texts = parseMisconceptionTexts(TEXTS.replace(/ {2}one-kb-reads:\n.*\n.*\n/, ''), FILE).texts;
    expect(checkMisconceptionTexts(texts, FILE, [READS])).toEqual([
      { file: FILE, line: 1, message: expect.stringMatching(/^Calculator reads can name the misconception "one-kb-reads" .*add reads: \{ one-kb-reads:/) },
    ]);
  });

  it('reports an entry no calculator uses at its line', () => {
    const texts = parseMisconceptionTexts(TEXTS.replace('reads:', 'writes:'), FILE).texts;
    const errors = checkMisconceptionTexts(texts, FILE, [READS]);
    expect(errors.filter((e) => e.line > 1)).toEqual([
      { file: FILE, line: 3, message: expect.stringMatching(/^writes\.no-round-up is the text of no calculator/) },
      { file: FILE, line: 6, message: expect.stringMatching(/^writes\.one-kb-reads is the text of no calculator/) },
    ]);
  });
});

describe('content/misconceptions.md', () => {
  it('words every wrong method of every registered calculator, and nothing else', () => {
    const { texts, errors } = parseMisconceptionTexts(readFileSync(DEFAULT_MISCONCEPTIONS_FILE, 'utf8'), FILE);
    expect(errors).toEqual([]);
    expect(checkMisconceptionTexts(texts, FILE, CALCULATORS.values())).toEqual([]);
  });

  it('gives a content directory without its own file the repository words, and its own file wins', () => {
    const bare = loadBank(createContentDir({ 'math/read.md': NUMERIC }));
    expect(bare.errors).toEqual([]);
    const named = (bank: ReturnType<typeof loadBank>): string | undefined => {
      const key = bank.instance('math.read-fixture', 3).key;
      return key.kind === 'numeric' ? key.misconceptions.find((m) => m.id === 'one-kb-reads')?.name : undefined;
    };
    expect(named(bare)).toBe('Used 1 KB blocks for a read');

    const own = readFileSync(DEFAULT_MISCONCEPTIONS_FILE, 'utf8').replace('name: Used 1 KB blocks for a read', 'name: Took the write block for a read');
    const dir = createContentDir({ 'math/read.md': NUMERIC, 'misconceptions.md': own });
    const reworded = loadBank(dir, { rootDir: join(dir, '..') });
    expect(reworded.errors).toEqual([]);
    expect(named(reworded)).toBe('Took the write block for a read');
  });

  it('fails the load with the line of an orphan entry in a content directory’s own file', () => {
    const own = readFileSync(DEFAULT_MISCONCEPTIONS_FILE, 'utf8').replace('reads:\n', 'reads:\n  guessed:\n    name: Guessed\n    explanation: A guess.\n');
    const dir = createContentDir({ 'misconceptions.md': own });
    expect(loadBank(dir, { rootDir: join(dir, '..') }).errors).toEqual([
      {
        file: 'content/misconceptions.md',
        line: own.split('\n').indexOf('  guessed:') + 1,
        message: expect.stringMatching(/^reads\.guessed is the text of no calculator/),
      },
    ]);
  });
});
