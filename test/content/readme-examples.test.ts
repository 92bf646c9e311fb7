import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../app/bank/check.ts';
import { loadBank } from '../../app/bank/index.ts';
import { createContentDir } from '../app/bank/fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'content', 'README.md'), 'utf8');
const examples = readme
  .slice(readme.indexOf('## Complete examples'))
  .split(/^```markdown\n/m)
  .slice(1)
  .map((block) => block.slice(0, block.indexOf('\n```')) + '\n');

describe('content/README.md complete examples', () => {
  it('has one example per kind', () => {
    expect(examples.map((e) => /^kind: (\w+)$/m.exec(e)?.[1])).toEqual(['numeric', 'choice', 'multi']);
  });

  it('load and pass content:check as written', () => {
    const dir = createContentDir(Object.fromEntries(examples.map((text, i) => [`examples/example-${i}.md`, text])));
    const bank = loadBank(dir, { objectivesFile: join(root, 'content', 'OBJECTIVES.md') });
    expect(bank.errors).toEqual([]);
    expect(bank.scenarios).toHaveLength(3);
    // The examples are deliberately small, so only the generation and grading gates apply.
    const errors = checkBank(bank, { seeds: 20, familyChecks: [] }).errors;
    expect(errors).toEqual([]);
  });
});
