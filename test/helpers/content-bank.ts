/**
 * The question bank over content/, loaded once per module graph: suites that share their
 * worker's modules (vitest.config.ts) share one bank, the others load it once per file. It is
 * immutable, so sharing it is safe. Paths in it are relative to the repository's root.
 */
import { join } from 'node:path';
import { type LoadedBank, loadBank } from '../../app/bank/index.ts';

const root = join(import.meta.dirname, '..', '..');
let cachedBank: LoadedBank | undefined;

export function loadContentBank(): LoadedBank {
  cachedBank ??= loadBank(join(root, 'content'), { rootDir: root });
  return cachedBank;
}
