import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import { addNumbers, compareNumbers, isValidNumber, normaliseNumber, NUMBER_MESSAGES, subtractNumbers } from '../../../engine/values/number.ts';

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('normaliseNumber', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['0.000', '0'],
    ['0e10', '0'],
    ['01.50', '1.5'],
    ['1e2', '100'],
    ['1E+2', '100'],
    ['1.5e-3', '0.0015'],
    ['-12.340', '-12.34'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['00100', '100'],
    ['123456789012345678901234567890.12345678', '123456789012345678901234567890.12345678'],
    ['9.9999999999999999999999999999999999999E+125', '99999999999999999999999999999999999999' + '0'.repeat(88)],
    ['1E-130', '0.' + '0'.repeat(129) + '1'],
    ['-1E-130', '-0.' + '0'.repeat(129) + '1'],
    ['1000000000000000000000000000000000000000000', '1000000000000000000000000000000000000000000'],
    // A leading + is accepted, as Java's BigDecimal (DynamoDB's parser) accepts it.
    ['+5', '5'],
    ['+0', '0'],
    ['+1.5e2', '150'],
    ['+.5', '0.5'],
  ])('%s -> %s', (input, output) => {
    expect(normaliseNumber(input)).toBe(output);
    expect(isValidNumber(input)).toBe(true);
  });

  it.each([
    ['', NUMBER_MESSAGES.empty],
    ['abc', 'The parameter cannot be converted to a numeric value: abc'],
    ['1.2.3', 'The parameter cannot be converted to a numeric value: 1.2.3'],
    [' 1', 'The parameter cannot be converted to a numeric value:  1'],
    ['1e', 'The parameter cannot be converted to a numeric value: 1e'],
    ['Infinity', 'The parameter cannot be converted to a numeric value: Infinity'],
    ['+', 'The parameter cannot be converted to a numeric value: +'],
    ['++5', 'The parameter cannot be converted to a numeric value: ++5'],
    ['+-5', 'The parameter cannot be converted to a numeric value: +-5'],
    ['1E+126', NUMBER_MESSAGES.overflow],
    ['-1E+126', NUMBER_MESSAGES.overflow],
    ['1e99999999999999999999', NUMBER_MESSAGES.overflow],
    ['1E-131', NUMBER_MESSAGES.underflow],
    ['0.99E-130', NUMBER_MESSAGES.underflow],
    ['123456789012345678901234567890123456789', NUMBER_MESSAGES.precision],
    ['1.00000000000000000000000000000000000001', NUMBER_MESSAGES.precision],
  ])('refuses %j with %j', (input, message) => {
    const e = errorOf(() => normaliseNumber(input));
    expect(e).toBeInstanceOf(ValidationException);
    expect((e as Error).message).toBe(message);
    expect(isValidNumber(input)).toBe(false);
  });

  it('uses the exact AWS wording', () => {
    expect(NUMBER_MESSAGES.precision).toBe('Attempting to store more than 38 significant digits in a Number');
    expect(NUMBER_MESSAGES.overflow).toBe('Number overflow. Attempting to store a number with magnitude larger than supported range');
    expect(NUMBER_MESSAGES.underflow).toBe('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  });
});

describe('compareNumbers', () => {
  it.each([
    ['1', '2', -1],
    ['2', '10', -1],
    ['10', '2', 1],
    ['1.5', '1.50', 0],
    ['-1', '1', -1],
    ['-10', '-2', -1],
    ['-2', '-10', 1],
    ['0', '-0', 0],
    ['0', '0.001', -1],
    ['-0.001', '0', -1],
    ['1.5', '2', -1],
    ['2', '2.5', -1],
    ['1e2', '99', 1],
    ['1E-130', '0', 1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(compareNumbers(a, b)).toBe(expected);
    expect(compareNumbers(b, a)).toBe(-expected || 0);
  });
});

describe('addNumbers and subtractNumbers', () => {
  it.each([
    ['1', '2', '3'],
    ['0.1', '0.2', '0.3'],
    ['-5', '5', '0'],
    ['99999999999999999999999999999999999998', '1', '99999999999999999999999999999999999999'],
    ['1E+125', '1E+125', '2' + '0'.repeat(125)],
    ['99999999999999999999999999999999999999', '1', '1' + '0'.repeat(38)],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(addNumbers(a, b)).toBe(sum);
    expect(subtractNumbers(sum, b)).toBe(normaliseNumber(a));
  });

  it.each([
    ['99999999999999999999999999999999999999', '0.1', NUMBER_MESSAGES.precision],
    ['9E+125', '9E+125', NUMBER_MESSAGES.overflow],
    ['1E+125', '1E-125', NUMBER_MESSAGES.precision],
  ])('%s + %s fails with %j', (a, b, message) => {
    const e = errorOf(() => addNumbers(a, b));
    expect(e).toBeInstanceOf(ValidationException);
    expect((e as Error).message).toBe(message);
  });
});

describe('compareNumbers against decimal.js', () => {
  const digits = fc.stringMatching(/^[0-9]{1,6}$/);
  const numberText = fc
    .tuple(fc.boolean(), digits, fc.option(digits), fc.option(fc.integer({ min: -5, max: 5 })))
    .map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`);

  it('orders any two numbers as exact decimals do', () => {
    fc.assert(
      fc.property(numberText, numberText, (a, b) => {
        expect(compareNumbers(a, b)).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
      { numRuns: 3000 },
    );
  });
});
