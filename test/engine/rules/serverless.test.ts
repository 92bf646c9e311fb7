import { describe, expect, it } from 'vitest';
import { compareScanToQuery, lostIncrements, recommendArchitecture, requiredIamActions, requiredResourceArns } from '../../../engine/rules/serverless.ts';

describe('requiredIamActions', () => {
  it.each([
    [
      ['GetItem', 'UpdateItem'],
      ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    ],
    [
      ['Query', 'Query', 'PutItem'],
      ['dynamodb:PutItem', 'dynamodb:Query'],
    ],
    [['TransactWriteItems'], ['dynamodb:PutItem', 'dynamodb:UpdateItem']],
    [
      ['TransactGetItems', 'Scan'],
      ['dynamodb:GetItem', 'dynamodb:Scan'],
    ],
  ] as const)('%j needs %j', (ops, actions) => {
    expect(requiredIamActions(ops)).toEqual(actions);
  });
});

describe('requiredResourceArns', () => {
  it('adds the index ARN for index reads', () => {
    expect(requiredResourceArns('us-east-1', '123456789012', 'Orders', 'ByCustomer')).toEqual([
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/ByCustomer',
    ]);
    expect(requiredResourceArns('eu-west-1', '1', 'T')).toEqual(['arn:aws:dynamodb:eu-west-1:1:table/T']);
  });
});

describe('compareScanToQuery', () => {
  it('rounds a Scan per 1 MB page and a Query once', () => {
    // 1,000 items of 2,048 B: 512 items per page → 2 pages: 256 + ceil(488×2048/4096)=244 blocks.
    const { scan, query, scanPages } = compareScanToQuery({ tableItems: 1_000, itemBytes: 2_048, matchingItems: 3 });
    expect(scanPages).toBe(2);
    expect(scan.value).toBe((256 + 244) * 0.5);
    expect(query.value).toBe(1);
  });

  it('charges a Scan of one small page as one rounded read', () => {
    expect(compareScanToQuery({ tableItems: 10, itemBytes: 100, matchingItems: 1 }).scan.value).toBe(0.5);
  });
});

describe('recommendArchitecture', () => {
  const fit = { traffic: 'unpredictable', monthlyBudget: 10, teamKnowsServerless: true, lockInAcceptable: true, coldStartsUnacceptable: false } as const;
  it.each([
    [{}, 'serverless-first', 'bursty-tight-budget'],
    [{ lockInAcceptable: false }, 'containers-portable', 'lock-in-unacceptable'],
    [{ teamKnowsServerless: false }, 'containers-portable', 'team-unfamiliar'],
    [{ traffic: 'steady-high' }, 'containers-portable', 'steady-high-traffic'],
    [{ coldStartsUnacceptable: true }, 'serverless-with-provisioned-concurrency', 'cold-starts'],
  ] as const)('%j → %s', (overrides, choice, reason) => {
    expect(recommendArchitecture({ ...fit, ...overrides })).toEqual({ choice, reason });
  });
});

describe('lostIncrements', () => {
  it.each([
    [5, false, 4],
    [5, true, 0],
    [1, false, 0],
  ])('%i concurrent increments (atomic %s) lose %i', (n, atomic, lost) => {
    expect(lostIncrements(n, atomic)).toBe(lost);
  });
});
