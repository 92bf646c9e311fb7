/**
 * The simulation's cost (issue 13): GetItem and PutItem over HTTP through the AWS SDK on a table
 * tagged sim:enabled=true (replication lag 10-1000 ms, GSI lag default, throughput enforced),
 * beside the same calls on the same table untagged, in another sandbox of the same server, in
 * interleaved rounds of the same run. The goal: under 2x the plain path. The table is
 * provisioned at 40,000 RCU and WCU (the default table quota), so throttling is checked on
 * every request but none is refused at the rates this machine reaches. Also in-process, through
 * SandboxSimulations and straight through Database, for profiling:
 *   BENCH_ONLY=sim node --cpu-prof --import tsx test/bench/run.ts
 *
 * The figures print as rows whose "ours" is the simulated path and whose reference ("dynalite"
 * column) is the plain path, and as a line giving the cost as simulated over plain.
 */
import { Agent } from 'node:http';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, TagResourceCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Database, SandboxSimulations } from '../../engine/index.ts';
import { startServerProcess } from './engine-servers.ts';
import { compareInterleaved, median, type BenchRow } from './run.ts';

const TABLE = 'bench-sim';
const ITEMS = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CONCURRENCY = 8;
const HTTP_OPS = 1000;
const IN_PROCESS_OPS = 50_000;

const SIM_TAGS: Record<string, string> = {
  'sim:enabled': 'true',
  'sim:replication-lag-ms': '10-1000',
  'sim:enforce-throughput': 'true',
  'sim:seed': '7',
};

const createTable = {
  TableName: TABLE,
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
  ProvisionedThroughput: { ReadCapacityUnits: 40_000, WriteCapacityUnits: 40_000 },
};

function item(i: number): Record<string, AttributeValue> {
  return { pk: { S: `user#${i}` }, name: { S: `name ${i}` }, score: { N: String(i * 7) }, active: { BOOL: i % 2 === 0 } };
}

const requests = {
  get: (i: number) => ({ TableName: TABLE, Key: { pk: { S: `user#${i % ITEMS}` } } }),
  put: (i: number) => ({ TableName: TABLE, Item: item(i % ITEMS) }),
};

function clientFor(url: string, accessKeyId: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'bench' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 32 }) }),
  });
}

async function load(client: DynamoDBClient, simulated: boolean): Promise<void> {
  await client.send(new CreateTableCommand(createTable));
  if (simulated) {
    await client.send(
      new TagResourceCommand({
        ResourceArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${TABLE}`,
        Tags: Object.entries(SIM_TAGS).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
  for (let i = 0; i < ITEMS; i++) await client.send(new PutItemCommand({ TableName: TABLE, Item: item(i) }));
}

/** Median ops/s of the rounds, simulated and plain alternating, in process. */
function inProcess(action: 'GetItem' | 'PutItem'): { sim: number; plain: number; ratio: number } {
  let clock = 0;
  const now = () => clock;
  const plain = new Database({ now });
  const sims = new SandboxSimulations(new Database({ now }));
  plain.execute('CreateTable', createTable);
  sims.execute('CreateTable', { ...createTable, Tags: Object.entries(SIM_TAGS).map(([Key, Value]) => ({ Key, Value })) });
  for (let i = 0; i < ITEMS; i++) {
    plain.execute('PutItem', { TableName: TABLE, Item: item(i) });
    sims.execute('PutItem', { TableName: TABLE, Item: item(i) });
    clock += 1;
  }
  const request = action === 'GetItem' ? requests.get : requests.put;
  const run = (execute: (a: string, input: unknown) => unknown): number => {
    const start = performance.now();
    for (let i = 0; i < IN_PROCESS_OPS; i++) {
      // About 5,000 requests a second of engine time: lag and the replica log stay busy.
      if (i % 10 === 0) clock += 2;
      execute(action, request(i));
    }
    return (IN_PROCESS_OPS * 1000) / (performance.now() - start);
  };
  const s: number[] = [];
  const p: number[] = [];
  run((a, input) => sims.execute(a, input));
  run((a, input) => plain.execute(a, input));
  for (let round = 0; round < ROUNDS; round++) {
    s.push(run((a, input) => sims.execute(a, input)));
    p.push(run((a, input) => plain.execute(a, input)));
  }
  return { sim: median(s), plain: median(p), ratio: median(p.map((rate, k) => rate / s[k]!)) };
}

export async function benchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const lines: string[] = [];
  for (const action of ['GetItem', 'PutItem'] as const) {
    const r = inProcess(action);
    rows.push({ group: 'simulation in-process', name: `${action} simulated (ref: plain)`, ours: r.sim, reference: r.plain, ratio: r.sim / r.plain });
    lines.push(`in-process ${action}: plain ${Math.round(r.plain)} ops/s, simulated ${Math.round(r.sim)} ops/s, cost ${r.ratio.toFixed(2)}x`);
  }
  const servers = await startServerProcess();
  const plain = clientFor(`${servers.ours}/dynamodb`, 'BENCHPLAIN');
  const simulated = clientFor(`${servers.ours}/dynamodb`, 'BENCHSIM');
  try {
    await load(plain, false);
    await load(simulated, true);
    for (const action of ['GetItem', 'PutItem'] as const) {
      let i = 0;
      let j = 0;
      const op = (client: DynamoDBClient, n: number) =>
        action === 'GetItem' ? client.send(new GetItemCommand(requests.get(n))) : client.send(new PutItemCommand(requests.put(n)));
      const c = await compareInterleaved(
        () => op(simulated, i++),
        () => op(plain, j++),
        { ops: HTTP_OPS, concurrency: CONCURRENCY, rounds: ROUNDS, warmUpOps: 300, serverCpuMs: servers.oursCpuMs },
      );
      rows.push({ group: 'simulation HTTP + SDK', name: `${action} simulated (ref: plain)`, ...c });
      const cost = c.serverRatio ? 1 / c.serverRatio : undefined;
      lines.push(
        `HTTP ${action}: plain ${Math.round(c.reference)} ops/s, simulated ${Math.round(c.ours)} ops/s (wall cost ${(1 / c.ratio).toFixed(2)}x); ` +
          `server CPU ${c.referenceServerUs?.toFixed(1)} µs/op plain, ${c.serverUs?.toFixed(1)} µs/op simulated (cost ${cost?.toFixed(2)}x, goal < 2x)`,
      );
    }
  } finally {
    plain.destroy();
    simulated.destroy();
    await servers.close();
  }
  for (const line of lines) console.log(line);
  return rows;
}
