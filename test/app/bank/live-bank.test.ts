import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedBank } from '../../../app/bank/index.ts';
import { createLiveBank, type LiveBank } from '../../../app/bank/live-bank.ts';
import { LruCache } from '../../../app/lru-cache.ts';
import { DEFAULT_MISCONCEPTIONS_FILE } from '../../../app/bank/misconception-texts.ts';
import { createTempContent, type TempContent } from '../../helpers/authoring-content.ts';
import { familyUsingShared, SHARED_USED } from './shared-texts-fixture.ts';

let content: TempContent;
let bank: LiveBank;
beforeEach(() => {
  content = createTempContent();
  bank = createLiveBank(content.contentDir);
});
afterEach(() => content.remove());

const retitle = (path: string, title: string): void => {
  content.write(path, readFileSync(`${content.contentDir}/${path}`, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
};

describe('createLiveBank', () => {
  it('serves the files of the content directory, named relative to its parent', () => {
    expect(bank.scenarios.map((s) => [s.id, s.file])).toEqual([
      ['core.payload-home', 'content/core/payload-home.md'],
      ['math.writes-per-period', 'content/math/writes-per-period.md'],
    ]);
    expect(bank.errors).toEqual([]);
    expect(bank.reloads).toBe(0);
  });

  it('reload picks up an edited file: its summary, its variants and its fingerprint', () => {
    const before = bank.fingerprint('core.payload-home');
    retitle('core/payload-home.md', 'Where a large payload goes');
    expect(bank.get('core.payload-home')?.title).not.toBe('Where a large payload goes');
    const report = bank.reload();
    expect(report).toEqual({ scenarios: 2, errors: [] });
    expect(bank.reloads).toBe(1);
    expect(bank.get('core.payload-home')?.title).toBe('Where a large payload goes');
    expect(bank.variant('core.payload-home', 3).title).toBe('Where a large payload goes');
    expect(bank.fingerprint('core.payload-home')).not.toBe(before);
  });

  it('reload keeps serving the files that load and reports the broken one at its line', () => {
    const text = readFileSync(`${content.contentDir}/math/writes-per-period.md`, 'utf8');
    content.write('math/writes-per-period.md', text.replace('calculator: provisionedWriteUnits', 'calculator: noSuchCalculator'));
    const line = text.split('\n').findIndex((l) => l.includes('calculator:')) + 1;
    const report = bank.reload();
    expect(report.scenarios).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'content/math/writes-per-period.md', line });
    expect(bank.get('math.writes-per-period')).toBeUndefined();
    expect(bank.get('core.payload-home')).toBeDefined();
  });

  it('reload rewords a mistake from an edited misconceptions.md, in the bank and in parseSource’s preview', () => {
    const words = readFileSync(DEFAULT_MISCONCEPTIONS_FILE, 'utf8').replace(
      'name: Did not round the size up to whole 1 KB blocks',
      'name: Left the size in bytes',
    );
    content.write('misconceptions.md', words);
    bank.reload();
    const named = (b: LoadedBank): string | undefined => {
      const key = b.instance('math.writes-per-period', 1).key;
      return key.kind === 'numeric' ? key.misconceptions.find((m) => m.id === 'no-round-up')?.name : undefined;
    };
    expect(bank.errors).toEqual([]);
    expect(named(bank)).toBe('Left the size in bytes');
    const text = readFileSync(`${content.contentDir}/math/writes-per-period.md`, 'utf8');
    expect(named(bank.parseSource('content/math/writes-per-period.md', text))).toBe('Left the size in bytes');
  });

  it('watch reloads after the shared texts file changes, rewording its families in the bank and in parseSource’s preview', async () => {
    content.write('texts.md', SHARED_USED);
    const family = familyUsingShared(readFileSync(`${content.contentDir}/core/payload-home.md`, 'utf8'));
    content.write('core/payload-home.md', family);
    bank.reload();
    const quotaWhy = (b: LoadedBank): string | undefined => b.instance('core.payload-home', 4).whyHtml.get('quota');
    expect(quotaWhy(bank)).toContain('fixed limit');
    const stop = bank.watch({ debounceMs: 20 });
    try {
      const reloads = bank.reloads;
      content.write('texts.md', SHARED_USED.replace('fixed limit', 'hard limit'));
      // Bounded by a count of polls on the reload count, not by a deadline.
      for (let polls = 0; polls < 2_000 && bank.reloads === reloads; polls++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(bank.errors).toEqual([]);
      expect(quotaWhy(bank)).toContain('hard limit');
      expect(quotaWhy(bank.parseSource('content/core/payload-home.md', family))).toContain('hard limit');
    } finally {
      stop();
    }
  }, 60_000);

  it('parseSource parses a text as the loader would without changing what the bank serves', () => {
    const single = bank.parseSource(
      'content/core/other.md',
      readFileSync(`${content.contentDir}/core/payload-home.md`, 'utf8').replace('id: core.payload-home', 'id: core.other'),
    );
    expect(single.scenarios.map((s) => s.id)).toEqual(['core.other']);
    expect(bank.get('core.other')).toBeUndefined();
    const broken = bank.parseSource('content/core/other.md', '---\nid: core.other\n---\n');
    expect(broken.scenarios).toEqual([]);
    expect(broken.errors[0]?.file).toBe('content/core/other.md');
  });

  it('watch reloads after a file changes on disk', async () => {
    const stop = bank.watch({ debounceMs: 20 });
    try {
      retitle('core/payload-home.md', 'Edited in an editor');
      // Bounded by a count of polls on the reload count, not by a deadline: fs events arrive when the kernel sends them.
      for (let polls = 0; polls < 2_000 && bank.reloads === 0; polls++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(bank.reloads).toBeGreaterThanOrEqual(1);
      expect(bank.get('core.payload-home')?.title).toBe('Edited in an editor');
    } finally {
      stop();
    }
    // A reload re-reads every file (about 2 s on a loaded 2-core machine): room for it, not a speed claim.
  }, 60_000);
});

describe('the variant cache', () => {
  it('generates a (scenario, seed) once for its page, its answer and its result', () => {
    const shown = bank.variant('core.payload-home', 5);
    const prepared = bank.prepare('core.payload-home', 5);
    expect(prepared.variant).toBe(shown);
    expect(bank.instance('core.payload-home', 5).variant).toBe(shown);
    expect(bank.variant('core.payload-home', 6)).not.toBe(shown);
    const answer = bank.referenceAnswer('core.payload-home', 5);
    expect(prepared.grade(answer)).toEqual(bank.grade('core.payload-home', 5, answer));
    expect(bank.grade('core.payload-home', 5, answer).score).toBe(1);
  });

  it('never serves a variant of a file as it was before a reload', () => {
    const before = bank.variant('core.payload-home', 5);
    const fingerprint = bank.prepare('core.payload-home', 5).fingerprint;
    retitle('core/payload-home.md', 'Retitled after it was cached');
    // Until the reload the bank serves the file it loaded, cached or not.
    expect(bank.variant('core.payload-home', 5)).toBe(before);
    bank.reload();
    expect(bank.variant('core.payload-home', 5).title).toBe('Retitled after it was cached');
    expect(bank.instance('core.payload-home', 5).variant.title).toBe('Retitled after it was cached');
    const prepared = bank.prepare('core.payload-home', 5);
    expect(prepared.variant.title).toBe('Retitled after it was cached');
    expect(prepared.fingerprint).not.toBe(fingerprint);
    expect(prepared.fingerprint).toBe(bank.fingerprint('core.payload-home'));
  });

  it('forgets a scenario whose file broke, instead of serving its cached variants', () => {
    bank.variant('math.writes-per-period', 5);
    content.write('math/writes-per-period.md', '---\nid: math.writes-per-period\n---\n');
    bank.reload();
    expect(() => bank.variant('math.writes-per-period', 5)).toThrow(/math.writes-per-period/);
  });

  it('is bounded: past its size the least recently used variant is generated again', () => {
    const small = createLiveBank(content.contentDir, { instanceCacheSize: 2 });
    const first = small.variant('core.payload-home', 1);
    small.variant('core.payload-home', 2);
    expect(small.variant('core.payload-home', 1)).toBe(first);
    small.variant('core.payload-home', 3);
    small.variant('core.payload-home', 4);
    const again = small.variant('core.payload-home', 1);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('LruCache', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
    cache.set('a', 4);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(4);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
