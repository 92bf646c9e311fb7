import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATIC_ASSETS, withoutCssComments } from '../../app/views/static-assets.ts';

describe('the served stylesheet', () => {
  it('leaves out the comments and blank lines and keeps every rule', () => {
    const source = readFileSync(new URL('../../app/views/style.css', import.meta.url), 'utf8');
    const served = STATIC_ASSETS.get('style.css')!.body;
    expect(served).not.toContain('/*');
    expect(served).not.toMatch(/\n\s*\n/);
    const braces = (css: string) => (withoutCssComments(css).match(/\{/g) ?? []).length;
    expect(served.match(/\{/g)?.length).toBeGreaterThanOrEqual(braces(source));
    expect(served).toContain('.site-menu > summary');
    expect(served.length).toBeLessThan(source.length);
  });

  it('strips a comment that spans lines or sits inside a rule', () => {
    expect(withoutCssComments('a { color: red; /* why */ }\n/* one\n two */\n\nb { margin: 0; }')).toBe('a { color: red;  }\nb { margin: 0; }');
  });
});
