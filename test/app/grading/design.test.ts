import { describe, expect, it } from 'vitest';
import { describeDesign, gradeDesign } from '../../../app/grading/design.ts';
import type { DesignAnswerSpec } from '../../../app/grading/hands-on-spec.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const context = { explanationHtml: '', references: [] };

const spec: DesignAnswerSpec = {
  data: { generator: 'design-scores', args: {} },
  attributes: { userId: 'S', gameTitle: 'S', topScore: 'N', wins: 'N', losses: 'N' },
  identity: ['userId', 'gameTitle'],
  patterns: [
    { name: 'player-game', description: 'one record', inputs: { userId: 'p03', gameTitle: 'starship-x' }, returns: ['topScore'], perSecond: 10 },
    {
      name: 'leaderboard',
      description: 'top scores',
      inputs: { gameTitle: 'starship-x' },
      order: { attribute: 'topScore', descending: true },
      limit: 3,
      returns: ['userId', 'topScore'],
      perSecond: 50,
    },
  ],
  writesPerSecond: 5,
  budget: 50,
  reference: {},
  wrong: [{ name: 'x', design: {} }],
};

const table = (extra: Record<string, unknown> = {}) => ({
  TableName: 'GameScores',
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'userId', AttributeType: 'S' },
    { AttributeName: 'gameTitle', AttributeType: 'S' },
    { AttributeName: 'topScore', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'userId', KeyType: 'HASH' },
    { AttributeName: 'gameTitle', KeyType: 'RANGE' },
  ],
  ...extra,
});
const gsi = (projection: Record<string, unknown>, range = true) => ({
  GlobalSecondaryIndexes: [
    {
      IndexName: 'GameTitleIndex',
      KeySchema: [{ AttributeName: 'gameTitle', KeyType: 'HASH' }, ...(range ? [{ AttributeName: 'topScore', KeyType: 'RANGE' }] : [])],
      Projection: projection,
    },
  ],
});

const grade = (design: unknown) => gradeDesign(spec, JSON.stringify(design), context);
const passed = (r: ReturnType<typeof grade>) => Object.fromEntries(r.checks.map((c) => [c.id, c.passed]));

describe('gradeDesign', () => {
  it('passes every pattern and the budget for a GSI on game and score', () => {
    const r = grade(table(gsi({ ProjectionType: 'KEYS_ONLY' })));
    expect(passed(r)).toEqual({ valid: true, 'keys-unique': true, 'pattern:player-game': true, 'pattern:leaderboard': true, budget: true });
    expect(r.score).toBe(1);
    expect(r.checks.find((c) => c.id === 'pattern:leaderboard')!.detail).toBe(
      'Query on GSI GameTitleIndex (gameTitle = "starship-x", descending, Limit 3): 0.5 capacity unit(s) per call.',
    );
  });

  it('fails the leaderboard when the index has no sort key to order by', () => {
    const r = grade({ ...table(gsi({ ProjectionType: 'ALL' }, false)), AttributeDefinitions: table().AttributeDefinitions.slice(0, 2) });
    expect(passed(r)['pattern:leaderboard']).toBe(false);
    expect(passed(r)['pattern:player-game']).toBe(true);
    expect(r.verdict).toBe('partial');
  });

  it('fails a pattern whose index does not project an attribute it returns', () => {
    const narrow = { ...spec, patterns: [{ ...spec.patterns[1]!, returns: ['userId', 'topScore', 'wins'] }] };
    const r = gradeDesign(narrow, JSON.stringify(table(gsi({ ProjectionType: 'KEYS_ONLY' }))), context);
    expect(r.checks.find((c) => c.id === 'pattern:leaderboard')!.detail).toMatch(/returns items without wins: the index does not project it\.$/);
  });

  it.each([
    [
      'an attribute definition no key uses',
      table(),
      /^CreateTable failed: ValidationException: One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions$/,
    ],
    [
      'an LSI with another partition key',
      table({ LocalSecondaryIndexes: gsi({ ProjectionType: 'ALL' }).GlobalSecondaryIndexes }),
      /^CreateTable failed: ValidationException: .*Index KeySchema does not have the same leading hash key/,
    ],
    ['not JSON', '{', /^The answer is not valid JSON/],
  ])('fails every check with DynamoDB’s words for %s', (_, design, message) => {
    const r = typeof design === 'string' ? gradeDesign(spec, design, context) : grade(design);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.detail).toMatch(message);
    expect(new Set(r.checks.slice(1).map((c) => c.detail))).toEqual(new Set(['Not checked: the table could not be created (see the first check).']));
  });

  it('fails key uniqueness when the table key does not identify an item', () => {
    const r = grade({
      ...table(),
      AttributeDefinitions: [{ AttributeName: 'gameTitle', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'gameTitle', KeyType: 'HASH' }],
    });
    expect(passed(r)['keys-unique']).toBe(false);
    expect(r.checks[1]!.detail).toMatch(/^\d+ of \d+ items overwrote another with the same key/);
  });

  it('fails the budget when provisioned throughput is below the load', () => {
    const index = gsi({ ProjectionType: 'KEYS_ONLY' }).GlobalSecondaryIndexes[0]!;
    const throughput = (units: number) => ({ ReadCapacityUnits: units, WriteCapacityUnits: units });
    const design = (units: number, indexUnits = units) =>
      table({
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: throughput(units),
        GlobalSecondaryIndexes: [{ ...index, ProvisionedThroughput: throughput(indexUnits) }],
      });
    const low = grade(design(1)).checks.find((c) => c.id === 'budget')!;
    expect(low.passed).toBe(false);
    expect(low.detail).toBe(
      "The provisioned throughput is below the load: the table has 1 RCU for 5 read units/s; the table has 1 WCU for 5 write units/s; GSI GameTitleIndex has 1 RCU for 25 read units/s; GSI GameTitleIndex has 1 WCU for 5 write units/s (a GSI short of write capacity throttles the table's writes too). Requests would be throttled.",
    );
    // The leaderboard's 25 read units/s land on the GSI, so it needs more than the table.
    const enough = grade(design(20, 30)).checks.find((c) => c.id === 'budget')!;
    expect(enough.passed).toBe(true);
    expect(enough.detail).toMatch(/^\$\d+\.\d\d a month \(50 RCU and 50 WCU provisioned \(table and GSIs\) for 730 hours\)\.$/);
    expect(grade(design(2000)).checks.find((c) => c.id === 'budget')!.passed).toBe(false);
  });

  it('checks each GSI against its own load, not the sum of all throughput', () => {
    const index = gsi({ ProjectionType: 'KEYS_ONLY' }).GlobalSecondaryIndexes[0]!;
    // 60 RCU/WCU in all covers the 30 read and 10 write units/s, but the leaderboard's 25 reads/s land on the GSI, which has 1.
    const lopsided = table({
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 30, WriteCapacityUnits: 29 },
      GlobalSecondaryIndexes: [{ ...index, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 5 } }],
    });
    const budget = grade(lopsided).checks.find((c) => c.id === 'budget')!;
    expect(budget.passed).toBe(false);
    expect(budget.detail).toBe('The provisioned throughput is below the load: GSI GameTitleIndex has 1 RCU for 25 read units/s. Requests would be throttled.');
  });
});

describe('what a design question shows and says', () => {
  it('shows every condition a pattern puts on its inputs: the range and strong consistency', () => {
    const shown = describeDesign({
      ...spec,
      patterns: [
        { ...spec.patterns[0]!, consistent: true },
        {
          name: 'window',
          description: 'a window',
          inputs: { gameTitle: 'starship-x' },
          range: { attribute: 'topScore', between: [100, 200] },
          returns: ['userId'],
          perSecond: 1,
        },
        {
          name: 'prefix',
          description: 'a prefix',
          inputs: { gameTitle: 'starship-x' },
          range: { attribute: 'userId', beginsWith: 'p0' },
          returns: ['userId'],
          perSecond: 1,
        },
      ],
    }) as { patterns: { consistent?: boolean; range?: string }[] };
    expect(shown.patterns.map((p) => [p.range, p.consistent])).toEqual([
      [undefined, true],
      ['topScore from 100 to 200', undefined],
      ['userId beginning with "p0"', undefined],
    ]);
  });

  it('does not blame a Scan for the budget when a pattern fails on a projection', () => {
    const keysOnly = table({
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-game',
          KeySchema: [
            { AttributeName: 'gameTitle', KeyType: 'HASH' },
            { AttributeName: 'topScore', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
    const r = gradeDesign({ ...spec, patterns: [spec.patterns[0]!, { ...spec.patterns[1]!, returns: ['userId', 'wins'] }] }, JSON.stringify(keysOnly), context);
    expect(r.checks.find((c) => c.id === 'budget')!.detail).toMatch(
      /^\$[\d.]+ a month for the patterns it answers; the budget is judged once every pattern is answered by GetItem or Query\.$/,
    );
  });
});

describe('table class in the bill', () => {
  it('prices a Standard-IA design at its higher request rates', () => {
    const design = table(gsi({ ProjectionType: 'KEYS_ONLY' }));
    const usd = (d: unknown) => {
      const detail = grade(d).checks.find((c) => c.id === 'budget')!.detail ?? '';
      return Number(/^\$([\d.]+) a month/.exec(detail)![1]);
    };
    const standard = usd(design);
    const infrequent = usd({ ...design, TableClass: 'STANDARD_INFREQUENT_ACCESS' });
    expect(infrequent).toBeGreaterThan(standard);
    expect(grade({ ...design, TableClass: 'STANDARD_INFREQUENT_ACCESS' }).checks.find((c) => c.id === 'budget')!.detail).toMatch(
      /, Standard-IA table class\)\.$/,
    );
  });
});

describe('why a key path misses a pattern', () => {
  const twoAttributes = [
    { AttributeName: 'userId', AttributeType: 'S' },
    { AttributeName: 'gameTitle', AttributeType: 'S' },
  ];
  const leaderboardDetail = (design: unknown) => {
    const check = grade(design).checks.find((c) => c.id === 'pattern:leaderboard')!;
    expect(check.passed).toBe(false);
    return check.detail;
  };

  it('says an index without a sort key cannot order by the score', () => {
    expect(leaderboardDetail({ ...table(gsi({ ProjectionType: 'ALL' }, false)), AttributeDefinitions: twoAttributes })).toMatch(
      /^Query on GSI GameTitleIndex \(gameTitle = "starship-x", Limit 3\) returns the right items in another order: it has no sort key to order them by topScore\.$/,
    );
  });

  it('says the table sorts by its own sort key when the pattern orders by another attribute', () => {
    const byGame = {
      ...table(),
      AttributeDefinitions: twoAttributes,
      KeySchema: [
        { AttributeName: 'gameTitle', KeyType: 'HASH' },
        { AttributeName: 'userId', KeyType: 'RANGE' },
      ],
    };
    expect(leaderboardDetail(byGame)).toMatch(
      /^Query on the table \(gameTitle = "starship-x", Limit 3\) returns the right items in another order: it sorts by userId, not by topScore\.$/,
    );
  });
});

describe('design explanations', () => {
  const bank = loadContentBank();
  const withLsi = bank.scenarios
    .filter((s) => s.kind === 'design')
    .map((s) => s.id)
    .filter((id) => {
      const { key } = bank.instance(id, 0);
      return key.kind === 'design' && Array.isArray(key.spec.reference.LocalSecondaryIndexes) && key.spec.reference.LocalSecondaryIndexes.length > 0;
    });

  it('finds the design families whose reference has an LSI', () => {
    expect(withLsi.length).toBeGreaterThan(0);
  });

  // LSI.html: with an LSI, each partition key value's item collection is capped at 10 GB; a lesson that recommends one must say so.
  it.each(withLsi)('%s explains the 10 GB item collection limit its LSI brings', (id) => {
    expect(bank.grade(id, 0, bank.referenceAnswer(id, 0)).explanationHtml).toContain('10 GB');
  });
});
