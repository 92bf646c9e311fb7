import { describe, expect, it } from 'vitest';
import { conditionAttributeNames, evaluateCondition, resolvePath } from '../../../engine/expressions/evaluate.ts';
import { createPlaceholderContext, parseCondition } from '../../../engine/expressions/parser.ts';
import type { AttributeValue, Item } from '../../../engine/values/attribute-value.ts';

const VALUES: Record<string, AttributeValue> = {
  ':five': { N: '5' },
  ':fiveish': { N: '5.0' },
  ':ten': { N: '10' },
  ':two': { N: '2' },
  ':three': { N: '3' },
  ':hello': { S: 'hello' },
  ':he': { S: 'he' },
  ':ell': { S: 'ell' },
  ':world': { S: 'world' },
  ':a': { S: 'a' },
  ':z': { S: 'z' },
  ':S': { S: 'S' },
  ':N': { S: 'N' },
  ':L': { S: 'L' },
  ':M': { S: 'M' },
  ':SS': { S: 'SS' },
  ':NULL': { S: 'NULL' },
  ':true': { BOOL: true },
  ':bin12': { B: 'AQI=' },
  ':bin1': { B: 'AQ==' },
  ':bin2': { B: 'Ag==' },
  ':elems': { L: [{ S: 'x' }, { N: '1' }] },
  ':doc': { M: { k: { S: 'v' } } },
  ':set': { SS: ['b', 'a'] },
  ':one': { N: '1' },
};

const ITEM: Item = {
  pk: { S: 'user#1' },
  n: { N: '5' },
  s: { S: 'hello' },
  flag: { BOOL: true },
  nothing: { NULL: true },
  bin: { B: 'AQID' },
  tags: { SS: ['a', 'b'] },
  nums: { NS: ['1', '2'] },
  bins: { BS: ['AQ==', 'Ag=='] },
  elems: { L: [{ S: 'x' }, { N: '1' }] },
  doc: { M: { k: { S: 'v' }, deep: { L: [{ M: { z: { N: '3' } } }] } } },
  blank: { S: '' },
};

function holdsFor(source: string, item: Item | undefined): boolean {
  const condition = parseCondition(source, 'ConditionExpression', createPlaceholderContext({}, VALUES));
  return evaluateCondition(condition, item);
}

const holds = (source: string) => holdsFor(source, ITEM);

describe('evaluateCondition', () => {
  it.each([
    ['n = :five', true],
    ['n = :fiveish', true],
    ['n <> :five', false],
    ['n < :ten', true],
    ['n <= :five', true],
    ['n > :ten', false],
    ['n >= :five', true],
    ['s = :hello', true],
    ['s < :world', true],
    ['s > :five', false], // different types: false, not an error
    ['s <> :five', true],
    ['gone = :five', false],
    ['gone <> :five', true],
    ['gone < :five', false],
    ['flag = :true', true],
    ['elems = :elems', true],
    ['doc.k = :hello', false],
    ['tags = :set', true], // sets compare regardless of order
    ['doc.deep[0].z = :three', true],
    ['doc.deep[1].z = :three', false],
    ['elems[0] = :a', false],
    ['n BETWEEN :two AND :ten', true],
    ['n BETWEEN :five AND :five', true],
    ['s BETWEEN :a AND :z', true],
    ['n BETWEEN :a AND :z', false],
    ['gone BETWEEN :two AND :ten', false],
    ['n IN (:two, :five)', true],
    ['n IN (:two, :ten)', false],
    ['gone IN (:two, :ten)', false],
    ['attribute_exists(n)', true],
    ['attribute_exists(gone)', false],
    ['attribute_exists(doc.deep[0].z)', true],
    ['attribute_not_exists(doc.nope)', true],
    ['attribute_exists(nothing)', true],
    ['attribute_type(n, :N)', true],
    ['attribute_type(n, :S)', false],
    ['attribute_type(tags, :SS)', true],
    ['attribute_type(elems, :L)', true],
    ['attribute_type(doc, :M)', true],
    ['attribute_type(nothing, :NULL)', true],
    ['attribute_type(gone, :S)', false],
    ['begins_with(s, :he)', true],
    ['begins_with(s, :ell)', false],
    ['begins_with(n, :he)', false],
    ['begins_with(bin, :bin12)', true],
    ['begins_with(bin, :bin2)', false],
    ['contains(s, :ell)', true],
    ['contains(s, :world)', false],
    ['contains(tags, :a)', true],
    ['contains(tags, :z)', false],
    ['contains(nums, :two)', true],
    ['contains(bins, :bin2)', true],
    ['contains(elems, :one)', true],
    ['contains(bin, :bin2)', true],
    ['contains(gone, :a)', false],
    ['size(s) = :five', true],
    ['size(tags) = :two', true],
    ['size(elems) = :two', true],
    ['size(doc) = :two', true],
    ['size(bin) = :three', true],
    ['size(blank) < :one', true],
    ['size(n) = :one', false], // size of a number is undefined: the comparison is false
    ['size(gone) = :one', false],
    ['n = :five AND s = :hello', true],
    ['n = :ten OR s = :hello', true],
    ['NOT n = :ten', true],
    ['NOT (n = :five OR s = :world)', false],
    ['n = :ten OR s = :world AND flag = :true', false],
    ['(n = :ten OR s = :hello) AND flag = :true', true],
  ])('%s -> %s', (source, expected) => {
    expect(holds(source)).toBe(expected);
  });

  it('treats a missing item as having no attributes', () => {
    expect(holdsFor('attribute_not_exists(pk)', undefined)).toBe(true);
    expect(holdsFor('attribute_exists(pk)', undefined)).toBe(false);
    expect(holdsFor('n <> :five', undefined)).toBe(true);
  });

  it('compares strings by UTF-8 bytes', () => {
    const values = { ':v': { S: '\uffff' } };
    const condition = parseCondition('s > :v', 'ConditionExpression', createPlaceholderContext({}, values));
    expect(evaluateCondition(condition, { s: { S: '😀' } })).toBe(true);
  });
});

describe('resolvePath', () => {
  it.each([
    [['doc', 'k'], { S: 'v' }],
    [['elems', 1], { N: '1' }],
    [['elems', 'x'], undefined],
    [['doc', 0], undefined],
    [['s', 'x'], undefined],
    [['elems', 9], undefined],
  ])('%j', (path, value) => {
    expect(resolvePath(ITEM, path)).toEqual(value);
  });
});

describe('conditionAttributeNames', () => {
  it('lists the top-level attributes read', () => {
    const condition = parseCondition(
      'a = :one AND (size(b.c) > :one OR NOT contains(d[0], :a)) AND e BETWEEN :one AND :two AND f IN (:one)',
      'FilterExpression',
      createPlaceholderContext({}, VALUES),
    );
    expect([...conditionAttributeNames(condition)].sort()).toEqual(['a', 'b', 'd', 'e', 'f']);
  });
});
