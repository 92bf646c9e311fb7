import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, type CreateTableCommandInput, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cliCommandName,
  fromCli,
  jsLiteral,
  pythonLiteral,
  pythonMethodName,
  shellQuote,
  shellWords,
  toCli,
  toJavaScript,
  toPython,
} from '../../../app/playground/code-export.ts';
import { OPERATIONS, STREAM_OPERATIONS } from '../../../engine/index.ts';
import { createClients, type Endpoint, startOurEndpoint } from '../../sdk/endpoint.ts';

const run = promisify(execFile);

/** Strings that break naive quoting: quotes, shell metacharacters, escapes, separators, astral and invisible characters. */
const AWKWARD = [
  "it's",
  "'",
  "''",
  "'\\''",
  '"',
  '\\',
  '\\n',
  'line one\nline two',
  'tab\there',
  '$HOME',
  '$(echo pwned)',
  '`echo pwned`',
  '!bang',
  '; rm -rf /',
  '*',
  '~',
  '#comment',
  ' leading and trailing ',
  '',
  'naïve café',
  '日本語',
  '😀 emoji',
  '\u2028\u2029',
  '\u200b zero width',
  '\u00a0nbsp',
  '\x7f\x1b[31m',
  '__proto__',
  'constructor',
];
const awkwardString = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'binary', maxLength: 12 }));

const attributeValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.record({ S: awkwardString }),
    fc.record({ N: fc.constantFrom('0', '-1.5', '1e10', '12345678901234567890123456789012345678') }),
    fc.record({ B: fc.base64String({ maxLength: 16 }) }),
    fc.record({ BOOL: fc.boolean() }),
    fc.constant({ NULL: true }),
    fc.record({ SS: fc.uniqueArray(awkwardString, { minLength: 1, maxLength: 3 }) }),
    fc.record({ BS: fc.uniqueArray(fc.base64String({ minLength: 4, maxLength: 8 }), { minLength: 1, maxLength: 2 }) }),
    fc.record({ L: fc.array(tie('value'), { maxLength: 3 }) }),
    fc.record({ M: fc.dictionary(awkwardString, tie('value'), { maxKeys: 3 }) }),
  ),
})).value;
const item = fc.dictionary(awkwardString, attributeValue, { maxKeys: 4 });
const request = fc.record(
  {
    TableName: awkwardString,
    Item: item,
    Key: item,
    ExpressionAttributeValues: item,
    ExpressionAttributeNames: fc.dictionary(awkwardString, awkwardString, { maxKeys: 2 }),
    ConditionExpression: awkwardString,
    Limit: fc.integer({ min: 1, max: 1000 }),
    ConsistentRead: fc.boolean(),
    RequestItems: fc.dictionary(awkwardString, fc.array(fc.record({ PutRequest: fc.record({ Item: item }) }), { maxLength: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const action = fc.constantFrom(...Object.keys(OPERATIONS), ...Object.keys(STREAM_OPERATIONS));
const endpointArb = fc.oneof(fc.constant('http://127.0.0.1:3000/dynamodb'), fc.webUrl(), awkwardString);

describe('code-export names', () => {
  it.each([
    ['BatchWriteItem', 'batch-write-item', 'batch_write_item'],
    ['DescribeTimeToLive', 'describe-time-to-live', 'describe_time_to_live'],
    ['ExecuteStatement', 'execute-statement', 'execute_statement'],
    ['ListTagsOfResource', 'list-tags-of-resource', 'list_tags_of_resource'],
  ])('names %s as the CLI (%s) and boto3 (%s) do', (name, cli, python) => {
    expect(cliCommandName(name)).toBe(cli);
    expect(pythonMethodName(name)).toBe(python);
    expect(fromCli(`aws dynamodb ${cli}`).action).toBe(name);
  });

  it.each([
    ['ListStreams', 'list-streams', 'list_streams'],
    ['DescribeStream', 'describe-stream', 'describe_stream'],
    ['GetShardIterator', 'get-shard-iterator', 'get_shard_iterator'],
    ['GetRecords', 'get-records', 'get_records'],
  ])('names the Streams action %s under aws dynamodbstreams (%s), DynamoDBStreamsClient and boto3 (%s)', (name, cli, python) => {
    const input = { StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-01-01T00:00:00.000' };
    expect(toCli(name, input, 'http://h')).toContain(`aws dynamodbstreams ${cli} --endpoint-url http://h`);
    expect(toCli(name, input, 'http://h')).not.toContain('--no-paginate');
    expect(fromCli(`aws dynamodbstreams ${cli}`).action).toBe(name);
    const js = toJavaScript(name, input, 'http://h');
    expect(js).toContain(`import { DynamoDBStreamsClient, ${name}Command } from '@aws-sdk/client-dynamodb-streams';`);
    expect(js).toContain('new DynamoDBStreamsClient({');
    const py = toPython(name, input, 'http://h');
    expect(py).toContain("boto3.client(\n    'dynamodbstreams',");
    expect(py).toContain(`client.${python}(`);
  });

  it('refuses a command under the other service', () => {
    expect(() => fromCli('aws dynamodb get-records')).toThrow('"aws dynamodb" has no command "get-records"');
    expect(() => fromCli('aws dynamodbstreams scan')).toThrow('"aws dynamodbstreams" has no command "scan"');
  });
});

describe('shellQuote and shellWords', () => {
  it('single-quotes a value with a quote as the shell spells it', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('plain-word')).toBe('plain-word');
    expect(shellQuote('')).toBe("''");
  });

  it('reads quotes, escapes and line continuations as sh does', () => {
    expect(shellWords(`a 'b c' "d \\"e\\" \\$f" g\\ h \\\n i`)).toEqual(['a', 'b c', 'd "e" $f', 'g h', 'i']);
    expect(() => shellWords("'open")).toThrow('Unterminated single quote at character 1');
  });

  it('quotes every awkward string so that sh hands the program exactly that string', async () => {
    // NUL cannot be in an argument and lone surrogates have no UTF-8 form: everything else must survive.
    const strings = fc.sample(awkwardString, { numRuns: 200, seed: 7 }).filter((s) => !s.includes('\0') && !/\p{Cs}/u.test(s));
    const all = [...AWKWARD, ...strings];
    const { stdout } = await run('sh', ['-c', `printf '%s\\0' ${all.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
    expect(stdout.split('\0').slice(0, -1)).toEqual(all);
  });
});

describe('fromCli(toCli(x))', () => {
  it('gives back the action and input of any request, whatever its strings', () => {
    fc.assert(
      fc.property(action, request, endpointArb, (name, input, endpoint) => {
        expect(fromCli(toCli(name, input, endpoint))).toEqual({ action: name, input });
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('refuses what is not an aws dynamodb command, naming the problem', () => {
    expect(() => fromCli('aws s3 ls')).toThrow('Expected "aws dynamodb <command>"');
    expect(() => fromCli('aws dynamodb scan --table-name x')).toThrow('Unexpected word "--table-name"');
  });

  it('adds --no-paginate where the CLI would otherwise merge pages', () => {
    expect(toCli('Scan', { TableName: 'T', Limit: 2 }, 'http://h')).toContain('--no-paginate');
    expect(toCli('GetItem', { TableName: 'T', Key: {} }, 'http://h')).not.toContain('--no-paginate');
  });
});

describe('literals', () => {
  it('writes binary values as Buffers for the SDK and bytes for boto3', () => {
    const value = { M: { data: { B: 'AP8n' }, set: { BS: ['AQ=='] } } };
    expect(jsLiteral(value)).toContain("data: { B: Buffer.from('AP8n', 'base64') }");
    expect(pythonLiteral(value)).toContain("'data': {'B': b'\\x00\\xff\\''}");
    expect(pythonLiteral(value)).toContain("'set': {'BS': [b'\\x01']}");
  });

  it('keeps an attribute named __proto__ an own property in JavaScript', () => {
    const literal = jsLiteral(JSON.parse('{"__proto__":{"S":"x"}}'));
    expect(literal).toContain("['__proto__']: {");
    const parsed = new Function(`return ${literal};`)() as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
  });

  it('writes Python constants and escapes what a reader cannot see', () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: 1.5 })).toBe("{\n    'a': True,\n    'b': False,\n    'c': None,\n    'd': 1.5,\n}");
    expect(pythonLiteral('a\u2028b\ud800')).toBe("'a\\u2028b\\ud800'");
    expect(jsLiteral('😀\u200b')).toBe("'😀\\u200b'");
  });

  it('evaluates in JavaScript to the value it was made from (binary aside)', () => {
    fc.assert(
      fc.property(
        item.filter((i) => !JSON.stringify(i).includes('"B')),
        (value) => {
          expect(new Function(`return ${jsLiteral(value)};`)()).toEqual(value);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});

/** Whether a program can be started here: the CLI and boto3 are optional on a developer's machine. */
async function available(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args);
    return true;
  } catch {
    return false;
  }
}

/** Node, Python and the AWS CLI each take a few seconds to start on a loaded 2-core machine. */
const PROCESS_TIMEOUT_MS = 60_000;

describe('exported code runs against the endpoint', () => {
  let endpoint: Endpoint;
  const dir = resolve('node_modules/.cache/playground-code-export');
  const hasAws = available('aws', ['--version']);
  const hasBoto3 = available('python3', ['-c', 'import boto3']);

  beforeAll(async () => {
    endpoint = await startOurEndpoint();
    mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const table = (name: string) => ({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  const awkwardItem = (pk: string, binary: boolean) => ({
    pk: { S: pk },
    quote: { S: 'O\'Brien said "hi" \\ $HOME `x` !' },
    lines: { S: 'one\ntwo\r\nthree\ttab' },
    unicode: { S: 'naïve 日本語 😀 \u2028' },
    n: { N: '-12.5' },
    flags: { L: [{ BOOL: true }, { BOOL: false }, { NULL: true }] },
    nested: { M: { "it's": { SS: ['a', "b'c"] }, nums: { NS: ['1', '2'] } } },
    ...(binary ? { bin: { B: 'AP8nXA==' }, bins: { BS: ['AQ==', 'Ag=='] } } : {}),
  });

  /** Creates a table through `runRequest` and puts the awkward item, then reads it back with the SDK. */
  async function roundTrip(keyId: string, binary: boolean, runRequest: (action: string, input: unknown, name: string) => Promise<void>) {
    const name = `t-${keyId}`;
    await runRequest('CreateTable', table(name), 'create');
    const written = awkwardItem(keyId, binary);
    await runRequest('PutItem', { TableName: name, Item: written }, 'put');
    const { client } = createClients(endpoint.url, keyId);
    const read = await client.send(new GetItemCommand({ TableName: name, Key: { pk: { S: keyId } } }));
    const expected = JSON.parse(JSON.stringify(written));
    if (binary) {
      expect(Buffer.from(read.Item!.bin!.B!).toString('base64')).toBe('AP8nXA==');
      expect([...read.Item!.bins!.BS!].map((b) => Buffer.from(b).toString('base64')).sort()).toEqual(['AQ==', 'Ag==']);
      delete read.Item!.bin;
      delete read.Item!.bins;
      delete expected.bin;
      delete expected.bins;
    }
    expect(read.Item).toEqual(expected);
  }

  /**
   * A table with a stream and two items written through the SDK, then the four Streams steps each
   * run as the copied code (`runStep` returns the response the program printed), each answer
   * feeding the next request; GetRecords must return both writes.
   */
  async function readStream(keyId: string, runStep: (action: string, input: unknown) => Promise<Record<string, unknown>>) {
    const name = `s-${keyId}`;
    const { client } = createClients(endpoint.url, keyId);
    await client.send(
      new CreateTableCommand({ ...table(name), StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } as CreateTableCommandInput),
    );
    for (const pk of ['first', "it's"]) await client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: pk }, n: { N: '1' } } }));
    client.destroy();
    const listed = (await runStep('ListStreams', { TableName: name })) as { Streams: { StreamArn: string; TableName: string }[] };
    expect(listed.Streams.map((s) => s.TableName)).toEqual([name]);
    const StreamArn = listed.Streams[0]!.StreamArn;
    const described = (await runStep('DescribeStream', { StreamArn })) as { StreamDescription: { Shards: { ShardId: string }[] } };
    const ShardId = described.StreamDescription.Shards[0]!.ShardId;
    const iterator = (await runStep('GetShardIterator', { StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' })) as { ShardIterator: string };
    const records = (await runStep('GetRecords', { ShardIterator: iterator.ShardIterator })) as {
      Records: { eventName: string; dynamodb: { Keys: unknown; NewImage: unknown } }[];
    };
    expect(records.Records.map((r) => [r.eventName, r.dynamodb.Keys])).toEqual([
      ['INSERT', { pk: { S: 'first' } }],
      ['INSERT', { pk: { S: "it's" } }],
    ]);
    expect(records.Records[1]!.dynamodb.NewImage).toEqual({ pk: { S: "it's" }, n: { N: '1' } });
  }

  /** The last line a program printed, as JSON: the tests append a line printing the response so. */
  const lastJsonLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

  it.concurrent(
    'the four Streams actions as JavaScript: node reads back the records written',
    async () => {
      await readStream('js-stream', async (action, input) => {
        const file = join(dir, `stream-${action}.mjs`);
        writeFileSync(file, `${toJavaScript(action, input, endpoint.url, { accessKeyId: 'js-stream' })}console.log(JSON.stringify(response));\n`);
        return lastJsonLine((await run('node', [file])).stdout);
      });
    },
    PROCESS_TIMEOUT_MS,
  );

  it.concurrent(
    'the four Streams actions as Python: boto3 reads back the records written',
    async (context) => {
      if (!(await hasBoto3)) context.skip();
      await readStream('py-stream', async (action, input) => {
        const file = join(dir, `stream-${action}.py`);
        const print = 'import json\nprint(json.dumps(response, default=str))\n';
        writeFileSync(file, toPython(action, input, endpoint.url, { accessKeyId: 'py-stream' }) + print);
        return lastJsonLine((await run('python3', [file])).stdout);
      });
    },
    PROCESS_TIMEOUT_MS,
  );

  it.concurrent(
    'the four Streams actions as AWS CLI commands: sh reads back the records written',
    async (context) => {
      if (!(await hasAws)) context.skip();
      await readStream('cli-stream', async (action, input) => {
        const command = toCli(action, input, endpoint.url, { accessKeyId: 'cli-stream' });
        const { stdout } = await run('sh', ['-c', command], { env: { PATH: process.env.PATH, HOME: dir } });
        return JSON.parse(stdout) as Record<string, unknown>;
      });
    },
    PROCESS_TIMEOUT_MS,
  );

  it.concurrent(
    'toJavaScript: node runs the module and the item arrives as written, binary included',
    async () => {
      await roundTrip('js-key', true, async (action, input, name) => {
        const file = join(dir, `${name}.mjs`);
        writeFileSync(file, toJavaScript(action, input, endpoint.url, { accessKeyId: 'js-key' }));
        await run('node', [file]);
      });
    },
    PROCESS_TIMEOUT_MS,
  );

  it.concurrent(
    'toPython: python3 runs the script and the item arrives as written, binary included',
    async (context) => {
      if (!(await hasBoto3)) context.skip();
      await roundTrip('py-key', true, async (action, input, name) => {
        const file = join(dir, `${name}.py`);
        writeFileSync(file, toPython(action, input, endpoint.url, { accessKeyId: 'py-key' }));
        await run('python3', [file]);
      });
    },
    PROCESS_TIMEOUT_MS,
  );

  it.concurrent(
    'toCli: sh runs the command and the item arrives as written',
    async (context) => {
      if (!(await hasAws)) context.skip();
      // Binary aside: AWS CLI v1 (what some machines have) stores the base64 text of a blob, v2 decodes it.
      await roundTrip('cli-key', false, async (action, input) => {
        await run('sh', ['-c', toCli(action, input, endpoint.url, { accessKeyId: 'cli-key' })], { env: { PATH: process.env.PATH, HOME: dir } });
      });
    },
    PROCESS_TIMEOUT_MS,
  );
});
