import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from '../../../app/bank/render.ts';

describe('renderMarkdown', () => {
  it('keeps code, tables and links, and marks links noopener', () => {
    const html = renderMarkdown('Use `ConsistentRead`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://docs.aws.amazon.com/x)');
    expect(html).toContain('<code>ConsistentRead</code>');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://docs.aws.amazon.com/x" rel="noopener noreferrer">docs</a>');
  });

  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<img src=x onerror=alert(1)>', 'onerror'],
    ['[x](javascript:alert(1))', 'javascript:'],
    ['<a href="https://x" onclick="steal()">x</a>', 'onclick'],
  ])('drops %s', (markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toContain(forbidden);
  });
});

describe('renderInline', () => {
  it('renders an option label without a paragraph', () => {
    expect(renderInline('Set `ConsistentRead` to **true**')).toBe('Set <code>ConsistentRead</code> to <strong>true</strong>');
  });
});
