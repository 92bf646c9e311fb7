/**
 * README.md's simulation walk-through, run as written: the `aws dynamodb ...` lines of its shell
 * block are read out of the README, turned into the JSON requests the AWS CLI sends (its
 * shorthand and JSON arguments), and posted to the endpoint's root as the CLI does with
 * `--endpoint-url`; `sleep N` moves the injected clock N seconds; `for` loops repeat their body;
 * `PAD=$(printf ...)` and `'...'$PAD'...'` are expanded as the shell does. Each command also moves
 * the clock by the time an `aws` command takes to start: run at 0 s and at 2 s, so the walk-through
 * holds for a CLI of any speed a learner has (the real one takes about a second).
 * The README's comments are then checked against what came back, so the walk-through cannot
 * drift from the server. The metrics call is its curl block's body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_THROUGHPUT_EXCEEDED_MESSAGE } from '../../engine/index.ts';
import { startOurEndpoint, type Endpoint } from './endpoint.ts';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('#### Simulation'));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
const walkthrough = blocks.find((b) => b.includes('tag-resource'))!;
const metricsCurl = blocks.find((b) => b.includes('DynamoDBSim.GetMetrics'))!;

/** Shell variables the block sets (`PAD=$(printf '%10000s' '' | tr ' ' x)`). */
const variables = new Map<string, string>();
const PRINTF_PAD = /^(\w+)=\$\(printf '%(\d+)s' '' \| tr ' ' (\w)\)$/;

/** Shell words, with single-quoted strings kept whole and `'...'$VAR'...'` joined (all the README uses). */
function words(line: string): string[] {
  line = line.replace(/'\$(\w+)'/g, (_, name: string) => {
    const value = variables.get(name);
    expect(value, `$${name} is set before it is used`).toBeDefined();
    return value!;
  });
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

/** The CLI's shorthand for one structure: `A=1,B=x`. */
function shorthand(text: string, numbers: boolean): Record<string, unknown> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [k, v] = pair.split('=') as [string, string];
      return [k, numbers && /^\d+$/.test(v) ? Number(v) : v];
    }),
  );
}

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

interface CliCall {
  readonly action: string;
  readonly body: Record<string, unknown>;
  /** `--query` as a dotted path, applied to the response as the CLI prints it with `--output text`. */
  readonly query?: string;
}

/** One `aws dynamodb <command> ...` line as the request the CLI sends. */
function cliCall(line: string): CliCall {
  const [aws, service, command, ...args] = words(line);
  expect([aws, service]).toEqual(['aws', 'dynamodb']);
  const body: Record<string, unknown> = {};
  let query: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '$E') continue;
    if (flag === '--consistent-read') {
      body.ConsistentRead = true;
      continue;
    }
    const value = args[++i]!;
    if (flag === '--query') query = value;
    else if (flag === '--output') expect(value).toBe('text');
    else if (flag === '--item' || flag === '--key') body[pascal(flag.slice(2))] = JSON.parse(value);
    else if (flag === '--provisioned-throughput') body.ProvisionedThroughput = shorthand(value, true);
    else if (flag === '--attribute-definitions' || flag === '--key-schema' || flag === '--tags') {
      // A list: this value and the next ones up to the next flag.
      const list = [shorthand(value, false)];
      while (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--') && args[i + 1] !== '$E') list.push(shorthand(args[++i]!, false));
      body[pascal(flag.slice(2))] = list;
    } else if (flag === '--resource-arn') body.ResourceArn = value;
    else body[pascal(flag.slice(2))] = value;
  }
  return { action: pascal(command!), body, ...(query ? { query } : {}) };
}

type Step = { kind: 'call'; call: CliCall } | { kind: 'sleep'; seconds: number } | { kind: 'loop'; times: number; body: Step[] };

/** The block's commands in order: continuation lines joined, `&&` split, comments and exports skipped. */
function steps(block: string): Step[] {
  const lines = block.replace(/\\\n\s*/g, ' ').split('\n');
  const out: Step[] = [];
  const stack: Step[][] = [out];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('export ') || line.startsWith('E=')) continue;
    const top = stack.at(-1)!;
    const pad = PRINTF_PAD.exec(line);
    if (pad) {
      variables.set(pad[1]!, pad[3]!.repeat(Number(pad[2])));
      continue;
    }
    const loop = /^for \w+ in ([\d ]+); do$/.exec(line);
    if (loop) {
      const step: Step = { kind: 'loop', times: loop[1]!.trim().split(/\s+/).length, body: [] };
      top.push(step);
      stack.push(step.body);
    } else if (line === 'done') stack.pop();
    else if (line.startsWith('sleep ')) top.push({ kind: 'sleep', seconds: Number(line.slice(6)) });
    else for (const part of line.split(/\s*&&\s*/)) top.push({ kind: 'call', call: cliCall(part) });
  }
  return out;
}

interface Outcome {
  readonly action: string;
  readonly consistent: boolean;
  readonly status: number;
  readonly error?: string;
  readonly message?: string;
  readonly printed?: string;
}

describe.each([0, 2])('README: the simulation walk-through, run as written, %d s per aws command', (cliSeconds) => {
  let endpoint: Endpoint;
  let at = Date.UTC(2026, 0, 1);
  const outcomes: Outcome[] = [];

  const post = async (target: string, body: unknown) => {
    // The CLI posts to the --endpoint-url as given: the root, where the server answers any request with X-Amz-Target.
    const response = await fetch(`${endpoint.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        authorization: 'AWS4-HMAC-SHA256 Credential=me/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  const run = async (list: readonly Step[]): Promise<void> => {
    for (const step of list) {
      if (step.kind === 'sleep') at += step.seconds * 1000;
      else if (step.kind === 'loop') for (let i = 0; i < step.times; i++) await run(step.body);
      else {
        at += cliSeconds * 1000;
        const { status, json } = await post(`DynamoDB_20120810.${step.call.action}`, step.call.body);
        const type = typeof json.__type === 'string' ? json.__type.slice(json.__type.indexOf('#') + 1) : undefined;
        const printed = step.call.query
          ? step.call.query.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], json)
          : undefined;
        outcomes.push({
          action: step.call.action,
          consistent: step.call.body.ConsistentRead === true,
          status,
          ...(type ? { error: type, message: String(json.message ?? json.Message) } : {}),
          ...(printed !== undefined ? { printed: String(printed) } : {}),
        });
      }
    }
  };

  beforeAll(async () => {
    endpoint = await startOurEndpoint({ now: () => at, requestsPerSecond: Number.POSITIVE_INFINITY });
    await run(steps(walkthrough));
  });
  afterAll(() => endpoint.close());

  it('reads the commands the README shows', () => {
    expect(outcomes.map((o) => o.action)).toEqual(['CreateTable', 'TagResource', ...Array(5).fill('PutItem'), ...Array(9).fill('GetItem')]);
  });

  it('throttles the 10 KB write on an empty bucket, serves it after ten idle seconds, and throttles it again once the burst is spent', () => {
    const throttled = { status: 400, error: 'ProvisionedThroughputExceededException', message: TABLE_THROUGHPUT_EXCEEDED_MESSAGE };
    expect(outcomes.slice(2, 5)).toMatchObject([throttled, { status: 200 }, throttled]);
    expect(outcomes.slice(5, 7)).toMatchObject([{ status: 200 }, { status: 200 }]);
    // The README prints the CLI's error in comment lines ("#   ..."): the same exception and message.
    const printed = walkthrough
      .split('\n')
      .filter((l) => l.startsWith('#   '))
      .map((l) => l.slice(4))
      .join(' ');
    expect(printed).toContain('(ProvisionedThroughputExceededException) when calling the PutItem operation');
    expect(printed).toContain(TABLE_THROUGHPUT_EXCEEDED_MESSAGE);
  });

  it('prints 2 or 1 for the eventually consistent reads, at least one stale "1", and always 2 for the strong ones', () => {
    const eventual = outcomes.filter((o) => o.action === 'GetItem' && !o.consistent).map((o) => o.printed);
    const strong = outcomes.filter((o) => o.action === 'GetItem' && o.consistent).map((o) => o.printed);
    expect(eventual.length).toBeGreaterThan(0);
    expect(eventual.every((v) => v === '1' || v === '2')).toBe(true);
    expect(eventual).toContain('1');
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((v) => v === '2')).toBe(true);
  });

  it("answers the curl block's GetMetrics with the throttle and the stale reads counted", async () => {
    const body = JSON.parse(/-d '([^']*)'/.exec(metricsCurl)![1]!);
    const target = /X-Amz-Target: (\S+)'/.exec(metricsCurl)![1]!;
    const { status, json } = await post(target, body);
    expect(status).toBe(200);
    const points = json.Metrics as { metric: string; value: number; partition?: number }[];
    const sum = (metric: string) => points.filter((p) => p.metric === metric && p.partition === undefined).reduce((s, p) => s + p.value, 0);
    expect(sum('WriteThrottleEvents')).toBe(2);
    expect(sum('StaleReads')).toBe(outcomes.filter((o) => o.printed === '1').length);
  });
});
