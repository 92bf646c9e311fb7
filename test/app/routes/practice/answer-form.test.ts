import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '../../../../app/routes/practice/answer-form.ts';

describe('parseNumberInput', () => {
  it.each([
    ['42', 42],
    [' 42 ', 42],
    ['1,000', 1000],
    ['1 000 000', 1_000_000],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-3', -3],
    ['+7', 7],
    ['2e3', 2000],
    ['1_500', 1500],
    ['1,234.5', 1234.5],
    ['12,345,678', 12_345_678],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it.each(['', 'twelve', '1.2.3', '0x10', '1e999', 'Infinity', 'NaN', '12 RCU', '--1', '.', '1,5', '12,50', '1,2345', ',100'])('refuses %j', (text) => {
    expect(parseNumberInput(text)).toBeUndefined();
  });
});
