import { describe, expect, it } from 'vitest';
import { ValidationException } from '../../../engine/errors.ts';
import { createPlaceholderContext, parseUpdate } from '../../../engine/expressions/parser.ts';
import { applyUpdate, checkUpdateSparesKey } from '../../../engine/expressions/update.ts';
import type { AttributeValue, Item } from '../../../engine/values/attribute-value.ts';
import { itemSize } from '../../../engine/values/item-size.ts';

const VALUES: Record<string, AttributeValue> = {
  ':one': { N: '1' },
  ':tenth': { N: '0.1' },
  ':x': { S: 'x' },
  ':l': { L: [{ S: 'z' }] },
  ':ss': { SS: ['b', 'c'] },
  ':ns': { NS: ['2', '3'] },
  ':a': { SS: ['a'] },
  ':big': { N: '99999999999999999999999999999999999999' },
};

const KEY: Item = { pk: { S: 'k' } };
const ITEM: Item = {
  pk: { S: 'k' },
  n: { N: '1.5' },
  s: { S: 'str' },
  l: { L: [{ N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }] },
  m: { M: { a: { S: 'A' }, nest: { M: { b: { N: '2' } } } } },
  tags: { SS: ['a', 'b'] },
  nums: { NS: ['1', '2'] },
};

/** `null` stands for "no existing item". */
function run(source: string, existing: Item | null = ITEM) {
  const update = parseUpdate(source, createPlaceholderContext({ '#pk': 'pk' }, VALUES));
  return applyUpdate(update, existing ?? undefined, KEY);
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationException);
    return (e as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('applyUpdate', () => {
  it.each<[string, Record<string, AttributeValue | undefined>]>([
    ['SET n = :one', { n: { N: '1' } }],
    ['SET n = n + :one', { n: { N: '2.5' } }],
    ['SET n = n - :tenth', { n: { N: '1.4' } }],
    ['SET n = :tenth + :tenth', { n: { N: '0.2' } }],
    ['SET z = if_not_exists(z, :one)', { z: { N: '1' } }],
    ['SET n = if_not_exists(n, :one)', { n: { N: '1.5' } }],
    ['SET l = list_append(l, :l)', { l: { L: [{ N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }, { S: 'z' }] } }],
    ['SET l = list_append(:l, l)', { l: { L: [{ S: 'z' }, { N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }] } }],
    ['SET l[1] = :x', { l: { L: [{ N: '0' }, { S: 'x' }, { N: '2' }, { N: '3' }] } }],
    ['SET l[10] = :x', { l: { L: [{ N: '0' }, { N: '1' }, { N: '2' }, { N: '3' }, { S: 'x' }] } }],
    ['SET m.nest.c = :x', { m: { M: { a: { S: 'A' }, nest: { M: { b: { N: '2' }, c: { S: 'x' } } } } } }],
    ['SET a = n, n = :one', { a: { N: '1.5' }, n: { N: '1' } }], // values come from the item before the update
    ['SET n = :one, a = n', { a: { N: '1.5' }, n: { N: '1' } }],
    ['REMOVE s', { s: undefined }],
    ['REMOVE nope', { nope: undefined }],
    ['REMOVE l[1]', { l: { L: [{ N: '0' }, { N: '2' }, { N: '3' }] } }],
    ['REMOVE l[0], l[1]', { l: { L: [{ N: '2' }, { N: '3' }] } }], // original positions
    ['REMOVE l[3], l[0]', { l: { L: [{ N: '1' }, { N: '2' }] } }],
    ['REMOVE l[9]', { l: ITEM.l }],
    ['REMOVE m.nest.b', { m: { M: { a: { S: 'A' }, nest: { M: {} } } } }],
    ['ADD n :one', { n: { N: '2.5' } }],
    ['ADD z :one', { z: { N: '1' } }],
    ['ADD tags :ss', { tags: { SS: ['a', 'b', 'c'] } }],
    ['ADD nums :ns', { nums: { NS: ['1', '2', '3'] } }],
    ['ADD z :ss', { z: { SS: ['b', 'c'] } }],
    ['DELETE tags :a', { tags: { SS: ['b'] } }],
    ['DELETE tags :ss', { tags: { SS: ['a'] } }],
    ['DELETE nums :ns', { nums: { NS: ['1'] } }],
    ['DELETE z :ss', { z: undefined }],
    ['DELETE tags :a ADD n :one', { tags: { SS: ['b'] }, n: { N: '2.5' } }],
  ])('%s', (source, changes) => {
    const { item } = run(source);
    const expected: Record<string, AttributeValue> = { ...ITEM } as Record<string, AttributeValue>;
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete expected[name];
      else expected[name] = value;
    }
    expect(item).toEqual(expected);
  });

  it('removes an attribute whose last set members are deleted', () => {
    expect(run('DELETE tags :ss, nums :ns', { pk: KEY.pk!, tags: { SS: ['b'] }, nums: { NS: ['2', '3'] } }).item).toEqual(KEY);
  });

  it('never changes the item it was given', () => {
    const before = JSON.stringify(ITEM);
    run('SET m.nest.b = :x, l[0] = :x REMOVE tags ADD nums :ns');
    expect(JSON.stringify(ITEM)).toBe(before);
  });

  it('builds a new item from the key when there is none', () => {
    expect(run('SET a = :x ADD n :one', null)).toEqual({
      item: { pk: { S: 'k' }, a: { S: 'x' }, n: { N: '1' } },
      updatedOld: {},
      updatedNew: { a: { S: 'x' }, n: { N: '1' } },
    });
  });

  it('returns the updated attributes before and after', () => {
    const result = run('SET n = n + :one, m.a = :x, l[1] = :x REMOVE s');
    expect(result.updatedOld).toEqual({ n: { N: '1.5' }, m: { M: { a: { S: 'A' } } }, l: { L: [{ N: '1' }] }, s: { S: 'str' } });
    expect(result.updatedNew).toEqual({ n: { N: '2.5' }, m: { M: { a: { S: 'x' } } }, l: { L: [{ S: 'x' }] } });
  });

  it.each([
    ['SET a = nope', 'The provided expression refers to an attribute that does not exist in the item'],
    ['SET a = nope + :one', 'The provided expression refers to an attribute that does not exist in the item'],
    ['SET a = s + :one', 'An operand in the update expression has an incorrect data type'],
    ['SET a = list_append(s, :l)', 'An operand in the update expression has an incorrect data type'],
    ['SET nope.a = :x', 'The document path provided in the update expression is invalid for update'],
    ['SET s.a = :x', 'The document path provided in the update expression is invalid for update'],
    ['SET m[0] = :x', 'The document path provided in the update expression is invalid for update'],
    ['REMOVE nope.a', 'The document path provided in the update expression is invalid for update'],
    ['ADD s :one', 'An operand in the update expression has an incorrect data type'],
    ['ADD tags :ns', 'An operand in the update expression has an incorrect data type'],
    ['DELETE tags :ns', 'An operand in the update expression has an incorrect data type'],
    ['SET n = :big + :big', 'Attempting to store more than 38 significant digits in a Number'],
    ['SET pk = :x', 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key'],
    ['REMOVE #pk', 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key'],
    ['SET pk.a = :x', 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key'],
  ])('%s fails with %j', (source, message) => {
    expect(messageOf(() => run(source))).toBe(message);
  });

  it('refuses a value that nests too deeply once stored under a nested path', () => {
    let deep: AttributeValue = { S: 'x' };
    for (let i = 0; i < 30; i++) deep = { L: [deep] };
    const update = (path: string) => parseUpdate(`SET ${path} = :deep`, createPlaceholderContext({}, { ':deep': deep }));
    const base: Item = { pk: { S: 'k' }, m: { M: { a: { M: {} } } } };
    expect(() => applyUpdate(update('m.x'), base, KEY)).not.toThrow(); // 1 + 31 = 32 levels
    expect(messageOf(() => applyUpdate(update('m.a.x'), base, KEY))).toBe(
      'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
    );
  });

  describe('the 400 KB limit as standalone UpdateItem measures it', () => {
    // Figures captured on AWS: a one-SET update at a 3-byte key tops out at 409,600 - 19.
    const pad = (bytes: number) => ({ ':pad': { S: 'x'.repeat(bytes) } });
    const setB = (values: Record<string, AttributeValue>, source = 'SET b = :pad') => parseUpdate(source, createPlaceholderContext({}, values));
    const shortKey: Item = { pk: { S: 'K' } };

    it.each<[string, Item, number, number, string, Record<string, AttributeValue>]>([
      // [label, key, padding accepted, padding refused, expression, other values]
      ['one SET at a 3-byte key: 409,581 bytes in all', shortKey, 409_581 - 3 - 1, 409_581 - 3, 'SET b = :pad', {}],
      ['a second SET costs 19 bytes more', shortKey, 409_581 - 19 - 3 - 1 - 2, 409_581 - 19 - 3 - 1 - 1, 'SET b = :pad, c = :c', { ':c': { S: 'y' } }],
      ['a long key makes the finished item the binding limit', { pk: { S: 'k'.repeat(100) } }, 409_600 - 102 - 1, 409_600 - 102, 'SET b = :pad', {}],
    ])('%s', (_label, key, accepted, refused, source, values) => {
      expect(() => applyUpdate(setB({ ...pad(accepted), ...values }, source), undefined, key)).not.toThrow();
      expect(messageOf(() => applyUpdate(setB({ ...pad(refused), ...values }, source), undefined, key))).toBe(
        'Item size to update has exceeded the maximum allowed size',
      );
    });

    it('does not charge attributes the update leaves alone', () => {
      const existing: Item = { pk: { S: 'K' }, u: { S: 'y'.repeat(10) } };
      // The same padding fits, so the finished item may be 11 bytes larger: 409,592.
      const { item } = applyUpdate(setB(pad(409_581 - 3 - 1)), existing, shortKey);
      expect(itemSize(item)).toBe(409_581 + 11);
      expect(() => applyUpdate(setB(pad(409_581 - 3)), existing, shortKey)).toThrow(ValidationException);
    });

    it('measures the finished item alone under the flat rule (transactions, PartiQL)', () => {
      expect(() => applyUpdate(setB(pad(409_600 - 3 - 1)), undefined, shortKey, 'flat')).not.toThrow();
      expect(() => applyUpdate(setB(pad(409_600 - 3)), undefined, shortKey, 'flat')).toThrow(ValidationException);
    });
  });

  it('refuses an update that makes the item larger than 400 KB', () => {
    const values = { ':big': { S: 'x'.repeat(400 * 1024) } };
    const update = parseUpdate('SET a = :big', createPlaceholderContext({}, values));
    expect(messageOf(() => applyUpdate(update, ITEM, KEY))).toBe('Item size to update has exceeded the maximum allowed size');
  });
});

describe('checkUpdateSparesKey', () => {
  it('names the first key attribute touched', () => {
    const update = parseUpdate('SET a = :x, sk = :x', createPlaceholderContext({}, VALUES));
    expect(messageOf(() => checkUpdateSparesKey(update, ['pk', 'sk']))).toBe(
      'One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key',
    );
    expect(() => checkUpdateSparesKey(update, ['pk'])).not.toThrow();
  });
});
