import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../../app/bank/index.ts';
import { parseSharedTexts } from '../../../app/bank/shared-texts.ts';
import { createTempContent, type TempContent } from '../../helpers/authoring-content.ts';
import { familyUsingShared, SHARED, SHARED_USED } from './shared-texts-fixture.ts';

let content: TempContent;
beforeEach(() => {
  content = createTempContent();
});
afterEach(() => content.remove());

const load = () => loadBank(content.contentDir);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const payloadHome = (): string => readFileSync(join(content.contentDir, 'core/payload-home.md'), 'utf8');

describe('parseSharedTexts', () => {
  it('reads each table with the line of its name', () => {
    const { texts, errors } = parseSharedTexts(SHARED, 'content/texts.md');
    expect(errors).toEqual([]);
    expect([...texts.tables.keys()]).toEqual(['size_words', 'limit_words']);
    expect(texts.tables.get('limit_words')?.line).toBe(6);
  });

  it.each([
    ['a table that is not a map of sentences', '---\nsize_words: [small, large]\n---\n', 2, 'size_words'],
    ['a sentence that is not text', '---\nsize_words:\n  small: { a: 1 }\n---\n', 3, 'size_words.small'],
    ['a table name with a dash', '---\nsize-words: { small: "x" }\n---\n', 2, 'letters, digits and _'],
    ['a table written twice', '---\na: { x: "1" }\na: { x: "2" }\n---\n', 3, 'YAML'],
    ['no front matter', 'size_words: {}\n', 1, 'front matter'],
  ])('reports %s at its line', (_what, source, line, message) => {
    const { errors } = parseSharedTexts(source, 'content/texts.md');
    expect(errors[0]).toMatchObject({ file: 'content/texts.md', line });
    expect(errors[0]?.message).toContain(message);
  });
});

describe('a family using a shared table', () => {
  it('words its why with the shared sentence, its placeholder given by with:', () => {
    content.write('texts.md', SHARED_USED);
    content.write('core/payload-home.md', familyUsingShared(payloadHome()));
    const bank = load();
    expect(bank.errors).toEqual([]);
    const variant = bank.instance('core.payload-home', 4);
    const why = variant.whyHtml.get('quota');
    expect(why).toMatch(/fixed limit of the service for every (original photo|scanned referral letter|signed PDF|recorded lesson clip), not a quota/);
  });

  it('takes a table for every slot with each:, the slot standing for @', () => {
    content.write('texts.md', SHARED.replace(/limit_words:[\s\S]*?---/, '---'));
    const text = payloadHome()
      .replace(/^answer: /m, 'texts:\n  size: { use: size_words, each: [a, b], by: "{{kind_@}}" }\nanswer: ')
      .replace(
        /^ {2}size_mb: .*$/m,
        '  size_mb: { int: [1, 20] }\n  kind_a: { pick: [small] }\n  n_a: { pick: [3] }\n  kind_b: { pick: [large] }\n  n_b: { pick: [300] }',
      )
      .replace('kept with it. What', 'kept with it ({{size_a}}; {{size_b}}). What');
    content.write('core/payload-home.md', text);
    const bank = load();
    expect(bank.errors).toEqual([]);
    expect(bank.variant('core.payload-home', 1).promptHtml).toContain('(a 3 KB record is small; a 300 KB record is large)');
  });

  it('reports a table the shared file does not define at the family’s line, naming the known ones', () => {
    content.write('texts.md', SHARED);
    const text = familyUsingShared(payloadHome()).replace('use: limit_words', 'use: limit_wordz');
    content.write('core/payload-home.md', text);
    const errors = load().errors;
    expect(errors).toContainEqual({
      file: 'content/core/payload-home.md',
      line: lineOf(text, 'quota_why:'),
      message: 'texts.quota_why.use names limit_wordz, which content/texts.md does not define; known: size_words, limit_words',
    });
  });

  it('reports a table no family uses at its line in the shared file', () => {
    content.write('texts.md', SHARED);
    content.write('core/payload-home.md', familyUsingShared(payloadHome()));
    const bank = load();
    expect(bank.errors).toEqual([
      { file: 'content/texts.md', line: 3, message: expect.stringContaining('The shared text table size_words is used by no family') },
    ]);
    // Both families still serve: an unused table is the shared file's error, not theirs.
    expect(bank.scenarios).toHaveLength(2);
  });

  it.each([
    ['a sentence the table lacks', 'by: quota', 'by: missing', '"missing", which the shared table limit_words has no text for'],
    ['a slot placeholder left without with:', 'with: { what_@: "{{app.payload}}" }', 'with: {}', 'give every {{..._@}} of limit_words a text in with:'],
    [
      'a with: the sentence does not use',
      'what_@: "{{app.payload}}"',
      'what_@: "{{app.payload}}", who_@: x',
      'no text of limit_words used here says {{who_@}}',
    ],
    ['an unknown key', 'by: quota,', 'by: quota, of: {},', 'unknown key of'],
  ])('reports %s at the family’s line', (_what, from, to, message) => {
    content.write('texts.md', SHARED_USED);
    const text = familyUsingShared(payloadHome()).replace(from, to);
    content.write('core/payload-home.md', text);
    const errors = load().errors;
    expect(errors[0]).toMatchObject({ file: 'content/core/payload-home.md', line: lineOf(text, 'quota_why:') });
    expect(errors[0]?.message).toContain(message);
  });

  it('changes the family’s fingerprint when the shared sentence changes, and no other family’s', () => {
    const shared = SHARED_USED;
    content.write('texts.md', shared);
    content.write('core/payload-home.md', familyUsingShared(payloadHome()));
    const before = load();
    content.write('texts.md', shared.replace('raw bytes', 'bytes'));
    const after = load();
    expect(after.fingerprint('math.writes-per-period')).toBe(before.fingerprint('math.writes-per-period'));
    content.write('texts.md', shared.replace('fixed limit', 'hard limit'));
    const reworded = load();
    expect(reworded.fingerprint('core.payload-home')).not.toBe(before.fingerprint('core.payload-home'));
    expect(reworded.variant('core.payload-home', 4).promptHtml).toBe(before.variant('core.payload-home', 4).promptHtml);
  });
});
