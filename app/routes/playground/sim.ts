/**
 * The simulation on the playground (issues 13 and 15): the per-table form that writes the `sim:`
 * tags (TagResource and UntagResource, sent like every other playground request), the table's
 * `DynamoDBSim.GetMetrics` report turned into the picture the simulated questions draw
 * (app/views/sim-chart.tsx), and what the simulation says about one request (a stale read, a
 * DAX hit). The tags' rules are the engine's (simSettings): a value is checked by them before
 * anything is sent, so the form and the wire refuse the same values in the same words.
 */
import { type DaxOutcome, DynamoDBError, type SimReport, simSettings } from '../../../engine/index.ts';
import type { SimEvent, SimRunPicture } from '../../grading/simulation.ts';
import type { FieldError, Form, PlaygroundRequest } from './requests.ts';

interface SimField {
  /** The tag key, which is also the form field's name, so an error names what the CLI would set. */
  readonly key: string;
  readonly label: string;
  readonly hint: string;
  /** A choice field: its choices, and the one the simulation takes when the tag is absent (sent as no tag). */
  readonly choices?: readonly (readonly [string, string])[];
  readonly absent?: string;
}

/** The toggles the table page offers; the other `sim:` keys (index lag, partitions) stay as tagged. */
export const SIM_FIELDS: readonly SimField[] = [
  {
    key: 'sim:enabled',
    label: 'Simulation',
    hint: 'On: the table runs through the simulation (lagging copies, throttling).',
    choices: [
      ['false', 'Off'],
      ['true', 'On'],
    ],
    absent: 'false',
  },
  {
    key: 'sim:replication-lag-ms',
    label: 'Replication lag (ms)',
    hint: 'Fixed (200) or a uniform range (10-1000); empty: 10-1000.',
  },
  {
    key: 'sim:enforce-throughput',
    label: 'Enforce throughput',
    hint: "Throttle requests over the table's capacity.",
    choices: [
      ['true', 'On'],
      ['false', 'Off'],
    ],
    absent: 'true',
  },
  {
    key: 'sim:burst-at-start',
    label: 'Burst bucket at the start',
    hint: "Empty: nothing banked yet (the simulation's reading of a new table; AWS does not document it).",
    choices: [
      ['empty', 'Empty'],
      ['full', 'Full (300 seconds)'],
    ],
    absent: 'empty',
  },
  { key: 'sim:seed', label: 'Seed', hint: 'The same seed gives the same run; empty: 1.' },
  { key: 'sim:dax-nodes', label: 'DAX nodes', hint: 'The DAX cluster in front of the table (1 to 11); empty: 1.' },
  { key: 'sim:dax-item-ttl-ms', label: 'DAX item cache TTL (ms)', hint: 'Empty: 300000 (five minutes, as DAX).' },
  { key: 'sim:dax-query-ttl-ms', label: 'DAX query cache TTL (ms)', hint: 'Empty: 300000 (five minutes, as DAX).' },
];

/** The table's tags as a record, from ListTagsOfResource's answer. */
export function tagsOf(response: unknown): Record<string, string> {
  const tags = (response as { Tags?: { Key?: unknown; Value?: unknown }[] } | null)?.Tags ?? [];
  return Object.fromEntries(tags.flatMap((t) => (typeof t.Key === 'string' && typeof t.Value === 'string' ? [[t.Key, t.Value]] : [])));
}

/** The form's values for the table's current tags. */
export function simFormValues(tags: Readonly<Record<string, string>>): Form {
  return Object.fromEntries(SIM_FIELDS.map((f) => [f.key, tags[f.key] ?? f.absent ?? '']));
}

export type SimBuilt = { readonly ok: true; readonly requests: readonly PlaygroundRequest[] } | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * The requests that make the table's `sim:` tags what the form says: a TagResource for the values
 * given (first, so a refusal leaves everything as it was), an UntagResource for the keys emptied
 * or set back to what an absent tag means. Nothing is sent for a value the engine would refuse.
 */
export function buildSimTags(arn: string, form: Form, current: Readonly<Record<string, string>>): SimBuilt {
  const errors: FieldError[] = [];
  const set: { Key: string; Value: string }[] = [];
  const remove: string[] = [];
  for (const field of SIM_FIELDS) {
    const value = (form[field.key] ?? '').trim();
    if (field.choices && !field.choices.some(([choice]) => choice === value)) {
      errors.push({ field: field.key, message: `Choose one of ${field.choices.map(([choice]) => choice).join(', ')}.` });
      continue;
    }
    if (value === '' || value === field.absent) {
      if (current[field.key] !== undefined) remove.push(field.key);
      continue;
    }
    try {
      simSettings({ [field.key]: value });
    } catch (error) {
      if (!(error instanceof DynamoDBError)) throw error;
      errors.push({ field: field.key, message: error.message });
      continue;
    }
    if (current[field.key] !== value) set.push({ Key: field.key, Value: value });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    requests: [
      ...(set.length > 0 ? [{ action: 'TagResource', input: { ResourceArn: arn, Tags: set } }] : []),
      ...(remove.length > 0 ? [{ action: 'UntagResource', input: { ResourceArn: arn, TagKeys: remove } }] : []),
    ],
  };
}

const READS = new Set(['GetItem', 'Query', 'Scan']);

/**
 * The learner's requests on a simulated table as the questions' picture draws a run: times from
 * the first request shown (the timeline keeps the last 100), seconds likewise; each second's
 * provisioned share per partition (none on demand). Undefined before any request.
 */
export function sandboxPicture(report: SimReport, provisioned: boolean): SimRunPicture | undefined {
  const timeline = (report.Timeline ?? []).filter((e) => e.table === undefined || e.table === report.TableName);
  if (!report.Simulated || timeline.length === 0) return undefined;
  const start = timeline[0]!.at;
  const firstSecond = Math.floor(start / 1000);
  const partitions = Math.max(1, report.Partitions ?? 1);
  const events: SimEvent[] = timeline.map((e) => ({
    at: e.at - start,
    who: 'answer',
    action: e.action,
    ...(e.partition !== undefined && { partition: e.partition }),
    ...(READS.has(e.action) && { consistent: e.consistent === true }),
    ...(e.stale && { stale: true }),
    ...(e.throttled && { throttled: true }),
    ...(e.units !== undefined && { units: round(e.units) }),
  }));
  const capacity = (report.Metrics ?? []).flatMap((p) => {
    const kind = p.metric === 'ConsumedReadCapacityUnits' ? 'read' : p.metric === 'ConsumedWriteCapacityUnits' ? 'write' : undefined;
    if (!kind || p.partition === undefined || p.index !== undefined || p.second < firstSecond) return [];
    const limit = report.Capacity?.[kind === 'read' ? 'Read' : 'Write'].Limit;
    const share = provisioned && limit !== undefined ? round(limit / partitions) : null;
    return [{ second: p.second - firstSecond, partition: p.partition, kind, consumed: round(p.value), share, burst: null }] as const;
  });
  return { seed: report.Settings?.seed ?? 1, table: report.TableName, partitions, events, capacity };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** What the simulation did with one request the builder sent, for the badges beside its answer. */
export interface SimNote {
  readonly stale?: boolean;
  /** Which copy an eventually consistent read went to. */
  readonly replica?: number | undefined;
  readonly dax?: { readonly cache: DaxOutcome['cache']; readonly kind?: DaxOutcome['kind'] };
}

/** The report's last event, when it is the read just sent to the table: stale or not. */
export function staleNote(report: SimReport, action: string): SimNote | undefined {
  if (!report.Simulated || !READS.has(action)) return undefined;
  const last = report.Timeline?.at(-1);
  if (!last || last.action !== action || last.throttled) return undefined;
  return { stale: last.stale === true, replica: last.replica };
}
