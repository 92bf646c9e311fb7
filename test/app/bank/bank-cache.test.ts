import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bankCodeVersion, openBankCache } from '../../../app/bank/bank-cache.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { createLiveBank } from '../../../app/bank/live-bank.ts';
import { createTempContent, type TempContent } from '../../helpers/authoring-content.ts';
import { familyUsingShared, SHARED_USED } from './shared-texts-fixture.ts';

let content: TempContent;
let cacheFile: string;
beforeEach(() => {
  content = createTempContent();
  cacheFile = join(content.rootDir, 'cache', 'bank.bin');
});
afterEach(() => content.remove());

const retitle = (path: string, title: string): void => {
  content.write(path, readFileSync(join(content.contentDir, path), 'utf8').replace(/^title: .*$/m, `title: ${title}`));
};

/** Loads the temp content through a cache opened on cacheFile, as a start does. */
function start(codeVersion = 'code-1') {
  const cache = openBankCache(cacheFile, codeVersion);
  const bank = loadBank(content.contentDir, { parse: cache.parse });
  const counts = { hits: cache.hits, misses: cache.misses };
  cache.save();
  return { bank, ...counts };
}

describe('openBankCache', () => {
  it('parses every file on the first start and none on the next, serving the same bank', () => {
    const first = start();
    expect([first.hits, first.misses]).toEqual([0, 2]);
    const second = start();
    expect([second.hits, second.misses]).toEqual([2, 0]);
    expect(second.bank.scenarios).toEqual(first.bank.scenarios);
    expect(second.bank.definitions).toEqual(first.bank.definitions);
    expect(second.bank.variant('core.payload-home', 7)).toEqual(first.bank.variant('core.payload-home', 7));
    expect(second.bank.fingerprint('math.writes-per-period')).toBe(first.bank.fingerprint('math.writes-per-period'));
  });

  it('re-reads a changed file, and only that one', () => {
    start();
    retitle('core/payload-home.md', 'Changed between two starts');
    const next = start();
    expect([next.hits, next.misses]).toEqual([1, 1]);
    expect(next.bank.get('core.payload-home')?.title).toBe('Changed between two starts');
    expect(next.bank.variant('core.payload-home', 3).title).toBe('Changed between two starts');
  });

  it('caches a broken file with its errors, and serves the file again once it is fixed', () => {
    const good = readFileSync(join(content.contentDir, 'math/writes-per-period.md'), 'utf8');
    content.write('math/writes-per-period.md', good.replace('calculator: provisionedWriteUnits', 'calculator: noSuchCalculator'));
    const broken = start();
    const again = start();
    expect(again.misses).toBe(0);
    expect(again.bank.errors).toEqual(broken.bank.errors);
    expect(again.bank.errors[0]).toMatchObject({ file: 'content/math/writes-per-period.md' });
    content.write('math/writes-per-period.md', good);
    const fixed = start();
    expect(fixed.misses).toBe(1);
    expect(fixed.bank.errors).toEqual([]);
    expect(fixed.bank.get('math.writes-per-period')).toBeDefined();
  });

  it('parses everything again when the code that parses changed (a new scenario format)', () => {
    start('code-1');
    const next = start('code-2');
    expect([next.hits, next.misses]).toEqual([0, 2]);
  });

  it('parses again when OBJECTIVES.md changed, since a file is checked against it', () => {
    start();
    const objectivesPath = join(content.contentDir, 'OBJECTIVES.md');
    const used = loadBank(content.contentDir).get('core.payload-home')!.objectives[0]!;
    const lines = readFileSync(objectivesPath, 'utf8').split('\n');
    writeFileSync(objectivesPath, lines.filter((line) => !line.includes(used)).join('\n'));
    const next = start();
    expect(next.misses).toBe(2);
    expect(next.bank.get('core.payload-home')).toBeUndefined();
    expect(next.bank.errors.some((e) => e.file === 'content/core/payload-home.md' && e.message.includes(used))).toBe(true);
  });

  it('ignores an unreadable cache file and replaces it', () => {
    mkdirSync(join(content.rootDir, 'cache'));
    writeFileSync(cacheFile, 'not a cache');
    const first = start();
    expect([first.hits, first.misses]).toEqual([0, 2]);
    expect(first.bank.scenarios).toHaveLength(2);
    expect(start().misses).toBe(0);
  });

  it('forgets a deleted file', () => {
    start();
    rmSync(join(content.contentDir, 'core/payload-home.md'));
    start();
    const bank = loadBank(content.contentDir, { parse: openBankCache(cacheFile, 'code-1').parse });
    expect(bank.get('core.payload-home')).toBeUndefined();
  });
});

describe('createLiveBank with a cache file', () => {
  it('never serves a parse of a file as it was before an edit, on reload or on the next start', () => {
    const bank = createLiveBank(content.contentDir, { cacheFile });
    expect(bank.variant('core.payload-home', 4).title).not.toBe('Edited while serving');
    retitle('core/payload-home.md', 'Edited while serving');
    bank.reload();
    expect(bank.variant('core.payload-home', 4).title).toBe('Edited while serving');
    expect(createLiveBank(content.contentDir, { cacheFile }).variant('core.payload-home', 4).title).toBe('Edited while serving');
  });
});

describe('bankCodeVersion', () => {
  it('changes when any TypeScript file under app/, engine/ or content/ changes, and not otherwise', () => {
    const root = join(content.rootDir, 'repo');
    mkdirSync(join(root, 'app', 'bank'), { recursive: true });
    mkdirSync(join(root, 'engine'), { recursive: true });
    writeFileSync(join(root, 'app', 'bank', 'schema.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'engine', 'index.ts'), 'export {};\n');
    cpSync(join(root, 'app'), join(root, 'app-copy'), { recursive: true });
    const before = bankCodeVersion(root);
    expect(bankCodeVersion(root)).toBe(before);
    writeFileSync(join(root, 'app', 'bank', 'schema.ts'), 'export const a = 2;\n');
    const schemaChanged = bankCodeVersion(root);
    expect(schemaChanged).not.toBe(before);
    writeFileSync(join(root, 'engine', 'rules.ts'), 'export {};\n');
    const engineChanged = bankCodeVersion(root);
    expect(engineChanged).not.toBe(schemaChanged);
    // A family's own code beside its markdown counts too; its markdown does not (each file has its own key).
    mkdirSync(join(root, 'content', 'core'), { recursive: true });
    writeFileSync(join(root, 'content', 'core', 'family.md'), '---\n');
    expect(bankCodeVersion(root)).toBe(engineChanged);
    writeFileSync(join(root, 'content', 'core', 'family.ts'), 'export const deriver = 1;\n');
    expect(bankCodeVersion(root)).not.toBe(engineChanged);
  });
});

describe('openBankCache with shared text tables', () => {
  it('parses again the families that use a changed shared table, and only those', () => {
    content.write('texts.md', SHARED_USED);
    content.write('core/payload-home.md', familyUsingShared(readFileSync(join(content.contentDir, 'core/payload-home.md'), 'utf8')));
    start();
    content.write('texts.md', SHARED_USED.replace('fixed limit', 'hard limit'));
    const next = start();
    expect([next.hits, next.misses]).toEqual([1, 1]);
    expect(next.bank.errors).toEqual([]);
    expect(next.bank.instance('core.payload-home', 4).whyHtml.get('quota')).toContain('hard limit');
    expect(start().misses).toBe(0);
  });
});
