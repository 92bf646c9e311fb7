/**
 * Hostile input: how fast the engine refuses what it must refuse, each beside an ordinary
 * request of the same kind measured in the same run (the peer), so a refusal that grew slow
 * shows as a ratio, not as a flaky test. The tests bound the same refusals by work done
 * (tokens read, nesting levels visited) and check their errors; timing them is done here.
 */
import { createPlaceholderContext, parseCondition, parseConditionWithoutSizeLimit } from '../../engine/expressions/parser.ts';
import { parseAttributeValue } from '../../engine/values/validate.ts';
import { dynamodbRoutes } from '../../app/routes/dynamodb/index.ts';
import { SandboxRegistry } from '../../app/routes/dynamodb/sandboxes.ts';
import { measureSyncRounds, median, timeOperations, type BenchRow } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const context = () => createPlaceholderContext({ '#a': 'a' }, { ':n': { N: '1' } });

function nestedList(depth: number): unknown {
  let v: unknown = { S: 'x' };
  for (let i = 0; i < depth; i++) v = { L: [v] };
  return v;
}

/** Runs `op`, which must throw; the bench would otherwise time a refusal that no longer happens. */
function refused(op: () => unknown): () => void {
  return () => {
    try {
      op();
    } catch {
      return;
    }
    throw new Error('expected a refusal');
  };
}

const row = (name: string, ours: number): BenchRow => ({ group: 'limits', name, ours });

export async function benchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const ordinary = 'attribute_exists(#a) AND (a = :n OR NOT a = :n)';
  const sized = `${'('.repeat(10_000)}a = :n${')'.repeat(10_000)}`;
  const deep = `${'('.repeat(100_000)}a = :n${')'.repeat(100_000)}`;
  rows.push(
    row(
      `peer: parse "${ordinary}"`,
      measureSyncRounds(() => parseCondition(ordinary, 'ConditionExpression', context()), 20_000, ROUNDS),
    ),
  );
  rows.push(
    row(
      'refuse 10,000 nested parentheses (4 KB check)',
      measureSyncRounds(
        refused(() => parseCondition(sized, 'ConditionExpression', context())),
        2_000,
        ROUNDS,
      ),
    ),
  );
  rows.push(
    row(
      'refuse 100,000 nested parentheses, no 4 KB check (nesting budget)',
      measureSyncRounds(
        refused(() => parseConditionWithoutSizeLimit(deep, 'ConditionExpression', context())),
        50,
        ROUNDS,
      ),
    ),
  );

  const accepted = nestedList(31);
  const hostile = nestedList(100_000);
  rows.push(
    row(
      'peer: validate 31 nested lists',
      measureSyncRounds(() => parseAttributeValue(accepted), 20_000, ROUNDS),
    ),
  );
  rows.push(
    row(
      'refuse 100,000 nested lists',
      measureSyncRounds(
        refused(() => parseAttributeValue(hostile)),
        20_000,
        ROUNDS,
      ),
    ),
  );

  // The HTTP route in-process (no socket): JSON parsing, shape checks and the engine.
  // The clock stands still, so the per-address window never rolls over: lifted, as DYNAMODB_PROFILE=local lifts it.
  const app = dynamodbRoutes(new SandboxRegistry({ now: () => 0, requestsPerSecond: 1e9 }), {
    logger: { error: () => {} },
    limits: { requestsPerAddress: Number.POSITIVE_INFINITY },
  });
  const post = (target: string, body: string) =>
    app.fetch(
      new Request('http://bench/dynamodb', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${target}`,
          authorization: 'AWS4-HMAC-SHA256 Credential=BENCH/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body,
      }),
    );
  const table = {
    TableName: 'limits',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  };
  if ((await post('CreateTable', JSON.stringify(table))).status !== 200) throw new Error('CreateTable failed');
  const bodies: [string, string, number][] = [
    ['peer: PutItem of an ordinary item over HTTP', JSON.stringify({ TableName: 'limits', Item: { pk: { S: 'a' }, n: { N: '1' } } }), 200],
    [
      'refuse PutItem of a document nested 100,000 deep over HTTP',
      `{"TableName":"limits","Item":{"pk":{"S":"a"},"deep":${'{"M":{"x":'.repeat(100_000)}{"S":"end"}${'}}'.repeat(100_000)}}}`,
      400,
    ],
    [
      'refuse PutItem with 100,000 nested parentheses over HTTP',
      JSON.stringify({
        TableName: 'limits',
        Item: { pk: { S: 'a' } },
        ConditionExpression: `${'('.repeat(100_000)}attribute_exists(pk)${')'.repeat(100_000)}`,
      }),
      400,
    ],
    [
      'refuse PutItem with a list nested 100,000 deep over HTTP',
      `{"TableName":"limits","Item":{"pk":{"S":"a"}},"Expected":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      400,
    ],
  ];
  for (const [name, body, status] of bodies) {
    const op = async () => {
      const response = await post('PutItem', body);
      await response.arrayBuffer();
      if (response.status !== status) throw new Error(`${name}: status ${response.status}, expected ${status}`);
    };
    const ops = status === 200 ? 500 : 20;
    await timeOperations(op, Math.ceil(ops / 10));
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t = await timeOperations(op, ops);
      rates.push((t.ops * 1000) / t.wallMs);
    }
    rows.push(row(name, median(rates)));
  }
  return rows;
}
