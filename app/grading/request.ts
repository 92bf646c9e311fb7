/**
 * Grading of `request` answers by running them. The learner's calls and the reference's run on
 * separate clones of the same fixture; the checks the scenario names compare what matters
 * (items, order, the table after a write, the action, capacity, a condition that must fail,
 * two interleaved runs). Each check scores on its own: partial credit.
 */
import type { Database, Item } from '../../engine/index.ts';
import type { Check, GradeResult, Reference, Verdict } from '../bank/types.ts';
import { CONSISTENT_READ_NOT_NEEDED, FILTER_DOES_NOT_LOWER_THE_BILL } from './capacity-notes.ts';
import { keyFingerprint, loadFixture, scanAll, type Fixture, type FixtureSpec } from './fixture.ts';
import type { RequestAnswerSpec } from './hands-on-spec.ts';
import { parseRequestAnswer, readCalls, unmarshallItem, type ApiCall } from './request-input.ts';
import { simulateAnswer, simulationCheckLabels, simulationChecks } from './simulation.ts';

/** Wall-clock budget for one run of an answer's calls; the engine is synchronous, so it is checked between calls. */
export const GRADE_TIME_LIMIT_MS = 1_000;
/** Items shown per list in the feedback. */
const SHOWN_ITEMS = 20;
/** Items of the fixture shown on the question page. */
export const SAMPLE_ITEMS = 20;

export interface RunOutcome {
  readonly actions: readonly string[];
  readonly items: readonly Item[];
  readonly capacity: number;
  readonly error?: { readonly name: string; readonly message: string };
}

const READ_ITEMS: Readonly<Record<string, (response: Record<string, unknown>) => Item[]>> = {
  GetItem: (r) => (r.Item ? [r.Item as Item] : []),
  Query: (r) => (r.Items as Item[] | undefined) ?? [],
  Scan: (r) => (r.Items as Item[] | undefined) ?? [],
  BatchGetItem: (r) => Object.values((r.Responses as Record<string, Item[]> | undefined) ?? {}).flat(),
  TransactGetItems: (r) => ((r.Responses as { Item?: Item }[] | undefined) ?? []).flatMap((x) => (x.Item ? [x.Item] : [])),
};

/** Reads that take ConsistentRead (BatchGetItem takes it per table, inside RequestItems). */
const READ_ACTIONS: ReadonlySet<string> = new Set(['GetItem', 'Query', 'Scan']);

function consumedUnits(response: Record<string, unknown>): number {
  const consumed = response.ConsumedCapacity as { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  if (consumed === undefined) return 0;
  return [consumed].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message || '(no message)' };
  return { name: 'Error', message: String(error) };
}

class RunState {
  actions: string[] = [];
  items: Item[] = [];
  capacity = 0;
  error: { name: string; message: string } | undefined;
  constructor(readonly started: number) {}
  outcome(): RunOutcome {
    return { actions: this.actions, items: this.items, capacity: this.capacity, ...(this.error ? { error: this.error } : {}) };
  }
}

/** Run one call; false when the session must stop (an error or the time limit). */
function step(db: Database, call: ApiCall, state: RunState, limitMs = GRADE_TIME_LIMIT_MS): boolean {
  if (performance.now() - state.started > limitMs) {
    state.error = {
      name: 'TimeLimitExceeded',
      message: `The request took longer than the ${limitMs} ms a grade may use; it was stopped before ${call.action}.`,
    };
    return false;
  }
  state.actions.push(call.action);
  // Capacity is always measured: NONE (or nothing) would hide it from the capacity check.
  const asked = call.params.ReturnConsumedCapacity;
  const params = asked === undefined || asked === 'NONE' ? { ...call.params, ReturnConsumedCapacity: 'TOTAL' } : call.params;
  try {
    const response = db.execute(call.action, params) as Record<string, unknown>;
    state.items.push(...(READ_ITEMS[call.action]?.(response) ?? []));
    state.capacity += consumedUnits(response);
    return true;
  } catch (error) {
    state.error = errorOf(error);
    return false;
  }
}

/** Run calls in order on db; stops at the first error or when limitMs has passed. */
export function runCalls(db: Database, calls: readonly ApiCall[], limitMs = GRADE_TIME_LIMIT_MS): RunOutcome {
  const state = new RunState(performance.now());
  for (const call of calls) if (!step(db, call, state, limitMs)) break;
  return state.outcome();
}

/** Two sessions of the same calls, interleaved call by call on one table: A1 B1 A2 B2 ... */
export function runInterleaved(db: Database, calls: readonly ApiCall[]): [RunOutcome, RunOutcome] {
  const started = performance.now();
  const a = new RunState(started);
  const b = new RunState(started);
  let aLive = true;
  let bLive = true;
  for (const call of calls) {
    if (aLive) aLive = step(db, call, a);
    if (bLive) bLive = step(db, call, b);
  }
  return [a.outcome(), b.outcome()];
}

// ------------------------------------------------------------------ comparing items

const canonical = (item: Item): string => JSON.stringify(unmarshallItem(item));

export interface ItemsDiff {
  readonly missing: readonly Item[];
  readonly extra: readonly Item[];
  readonly orderDiffers: boolean;
}

/** Multiset difference both ways, and whether equal multisets come in another order. */
export function diffItems(expected: readonly Item[], actual: readonly Item[]): ItemsDiff {
  const expectedKeys = expected.map(canonical);
  const actualKeys = actual.map(canonical);
  const counts = new Map<string, number>();
  for (const key of actualKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const missing: Item[] = [];
  expectedKeys.forEach((key, i) => {
    const n = counts.get(key) ?? 0;
    if (n === 0) missing.push(expected[i]!);
    else counts.set(key, n - 1);
  });
  // What is left in counts are the actual items no expected item matched.
  const extra: Item[] = [];
  actualKeys.forEach((key, i) => {
    const n = counts.get(key) ?? 0;
    if (n > 0) {
      extra.push(actual[i]!);
      counts.set(key, n - 1);
    }
  });
  const orderDiffers = missing.length === 0 && extra.length === 0 && expectedKeys.some((key, i) => key !== actualKeys[i]);
  return { missing, extra, orderDiffers };
}

/** Missing and extra items paired by their table key: the same item with other attributes. */
export function pairByKey(diff: ItemsDiff, hashKey: string, rangeKey: string | undefined) {
  const keyOf = (item: Item) => keyFingerprint(item, hashKey, rangeKey);
  const extraByKey = new Map<string, Item>();
  const extra: Item[] = [];
  for (const item of diff.extra) {
    const key = keyOf(item);
    if (key === undefined || extraByKey.has(key)) extra.push(item);
    else extraByKey.set(key, item);
  }
  const pairs: [Item, Item][] = [];
  const missing: Item[] = [];
  for (const want of diff.missing) {
    const key = keyOf(want);
    const have = key === undefined ? undefined : extraByKey.get(key);
    if (have) {
      pairs.push([want, have]);
      extraByKey.delete(key!);
    } else missing.push(want);
  }
  return { pairs, missing, extra: [...extra, ...extraByKey.values()] };
}

/** How one item differs from the expected one, attribute by attribute. */
function describeChanges(want: Item, have: Item, surplusValues = true): string {
  const changed: string[] = [];
  const lacking: string[] = [];
  const surplus: { path: string; value: unknown }[] = [];
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // A name with a dot or bracket is quoted, so a top-level "stats.logins" is not read as the path into the map.
  const step = (path: string, name: string) => {
    const shown = /[.[\]]/.test(name) ? JSON.stringify(name) : name;
    return path === '' ? shown : `${path}.${shown}`;
  };
  // Maps are compared key by key, so a changed counter reads stats.logins, not the whole map.
  const walk = (a: Record<string, unknown>, b: Record<string, unknown>, path: string): void => {
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[name]) === JSON.stringify(b[name])) continue;
      const where = step(path, name);
      if (!(name in b)) lacking.push(where);
      else if (!(name in a)) surplus.push({ path: where, value: b[name] });
      else if (isMap(a[name]) && isMap(b[name])) walk(a[name], b[name], where);
      else changed.push(`${where} should be ${JSON.stringify(a[name])}, yours is ${JSON.stringify(b[name])}`);
    }
  };
  walk(unmarshallItem(want), unmarshallItem(have), '');
  return [
    ...changed,
    ...(lacking.length > 0 ? [`yours lacks ${lacking.join(', ')}`] : []),
    // Values help for one or two surplus attributes (null, an empty string); more would bury the point.
    ...(surplus.length > 0
      ? [
          `yours has ${surplus.map((x) => (surplusValues && surplus.length <= 2 ? `${x.path} = ${JSON.stringify(x.value)}` : x.path)).join(', ')}, which should not be there`,
        ]
      : []),
  ].join('; ');
}

/**
 * The differences between two sets of items in words, item by item and attribute by attribute:
 * `item {"userId":"bruno"}: visits should be 43, yours is 42`.
 */
export function describeStateDiff(diff: ItemsDiff, hashKey: string, rangeKey: string | undefined, place = 'the table', limit = 3): string[] {
  const keyText = (item: Item) => JSON.stringify(keysFirst(unmarshallItem(item), [hashKey, rangeKey ?? '']), [hashKey, rangeKey ?? '']);
  const { pairs, missing, extra } = pairByKey(diff, hashKey, rangeKey);
  const lines = [
    ...pairs.map(([want, have]) => `item ${keyText(want)}: ${describeChanges(want, have)}`),
    ...missing.map((item) => `item ${keyText(item)} should be in ${place}, and is not`),
    ...extra.map((item) => `item ${keyText(item)} should not be in ${place}`),
  ];
  return lines.length > limit ? [...lines.slice(0, limit), `and ${lines.length - limit} more`] : lines;
}

/** Why an action the task does not want is the wrong tool, beside the one it wants. */
function operationAdvice(used: readonly string[], allowed: readonly string[]): string {
  const wants = (action: string) => allowed.includes(action);
  if (used.includes('Scan')) return ': a Scan reads every item of the table and pays for all of them';
  if (wants('BatchGetItem') && used.filter((a) => a === 'GetItem').length > 1)
    return ': one GetItem per key is one round trip per key, where one BatchGetItem fetches them all';
  if (wants('BatchWriteItem') && used.includes('TransactWriteItems'))
    return ': a transaction writes them too, but charges 2 write units per 1 KB where a batch charges 1; nothing here needs all-or-nothing';
  if (wants('BatchWriteItem') && used.every((a) => a === 'PutItem' || a === 'DeleteItem'))
    return ': one write per call, where one BatchWriteItem sends up to 25';
  if (wants('TransactWriteItems') && used.length > 1)
    return ': separate writes are not all-or-nothing; if one fails or the caller stops between them, the others stay done';
  if (wants('UpdateItem') && used.includes('GetItem'))
    return ': reading the item and writing back a value computed from it is not atomic, where UpdateItem computes on the stored value';
  if (wants('UpdateItem') && used.includes('PutItem'))
    return ': a PutItem rewrites the whole item, undoing any change another writer made since the item was read; UpdateItem changes only the attributes it names';
  return '';
}

// ------------------------------------------------------------------ the grader

interface ReferenceRuns {
  readonly main: RunOutcome;
  readonly state: readonly Item[];
  readonly concurrentState?: readonly Item[];
}

const referenceCache = new Map<string, ReferenceRuns>();
const REFERENCE_CACHE_SIZE = 64;

function referenceRuns(spec: RequestAnswerSpec, fixture: Fixture, calls: readonly ApiCall[]): ReferenceRuns {
  const key = JSON.stringify([spec.fixture, spec.reference, spec.checks]);
  const cached = referenceCache.get(key);
  if (cached) return cached;
  const db = fixture.base.clone();
  const main = runCalls(db, calls);
  if (main.error) throw new Error(`The reference request fails: ${main.error.name}: ${main.error.message}`);
  let concurrentState: Item[] | undefined;
  if (spec.checks.concurrent) {
    const shared = fixture.base.clone();
    runInterleaved(shared, calls);
    concurrentState = scanAll(shared, fixture.tableName);
  }
  const runs = { main, state: scanAll(db, fixture.tableName), ...(concurrentState ? { concurrentState } : {}) };
  if (referenceCache.size >= REFERENCE_CACHE_SIZE) referenceCache.delete(referenceCache.keys().next().value!);
  referenceCache.set(key, runs);
  return runs;
}

export function referenceCalls(spec: RequestAnswerSpec): readonly ApiCall[] {
  const parsed = readCalls(spec.reference);
  if (!parsed.ok) throw new Error(`The reference request is malformed: ${parsed.message}`);
  return parsed.calls;
}

/** What the question page shows: the table's keys and indexes, and a sample of visible items. */
export function describeRequestFixture(spec: RequestAnswerSpec): Record<string, unknown> {
  const fixture = loadFixture(spec.fixture as FixtureSpec);
  // Sorted by key, as a Query would list them, so a learner can read ranges off the sample.
  const sample = sortByKey(fixture.visible, fixture.hashKey, fixture.rangeKey).slice(0, SAMPLE_ITEMS);
  return {
    table: summariseTable(fixture.table),
    sample: sample.map((item) => keysFirst(unmarshallItem(item), [fixture.hashKey, fixture.rangeKey ?? ''])),
    // The same items in DynamoDB JSON: the plain form above loses the types (a string set reads as a list).
    sampleItems: sample.map((item) => keysFirst(item, [fixture.hashKey, fixture.rangeKey ?? ''])),
    sampleNote: `${sample.length} of the table's items are shown${fixture.hidden.length > 0 || sample.length < fixture.visible.length ? '; it holds others you are not shown' : ''}.`,
    starter: JSON.stringify({ action: '', params: { TableName: fixture.tableName } }, null, 2),
  };
}

/** Items ordered by partition key, then sort key (strings by code point, numbers by value). */
export function sortByKey(items: readonly Item[], hashKey: string, rangeKey: string | undefined): Item[] {
  const value = (item: Item, key: string | undefined): string | number => {
    const v = key === undefined ? undefined : (item[key] as { S?: string; N?: string } | undefined);
    return v?.N !== undefined ? Number(v.N) : (v?.S ?? '');
  };
  const compare = (a: string | number, b: string | number): number =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return [...items].sort((a, b) => compare(value(a, hashKey), value(b, hashKey)) || compare(value(a, rangeKey), value(b, rangeKey)));
}

export function summariseTable(table: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const types = new Map(
    ((table.AttributeDefinitions as { AttributeName: string; AttributeType: string }[] | undefined) ?? []).map((a) => [a.AttributeName, a.AttributeType]),
  );
  const keys = (schema: unknown): string =>
    ((schema as { AttributeName: string; KeyType: string }[] | undefined) ?? [])
      .map((k) => `${k.AttributeName} (${types.get(k.AttributeName) ?? '?'}, ${k.KeyType === 'HASH' ? 'partition key' : 'sort key'})`)
      .join(', ');
  const indexes = (list: unknown, kind: string) =>
    ((list as { IndexName: string; KeySchema: unknown; Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }[] | undefined) ?? []).map(
      (index) => ({
        name: index.IndexName,
        kind,
        keys: keys(index.KeySchema),
        projection: [index.Projection?.ProjectionType ?? 'ALL', ...(index.Projection?.NonKeyAttributes ?? [])].join(' '),
      }),
    );
  return {
    name: table.TableName,
    keys: keys(table.KeySchema),
    indexes: [...indexes(table.LocalSecondaryIndexes, 'LSI'), ...indexes(table.GlobalSecondaryIndexes, 'GSI')],
  };
}

export interface GradeContext {
  readonly explanationHtml: string;
  readonly references: readonly Reference[];
}

export function verdictFor(score: number): Verdict {
  return score >= 1 ? 'correct' : score > 0 ? 'partial' : 'incorrect';
}

/** Items as plain JSON for feedback, the table's key attributes first so rows line up. */
const plainItems = (items: readonly Item[], keys: readonly string[]) => items.slice(0, SHOWN_ITEMS).map((item) => keysFirst(unmarshallItem(item), keys));

export function keysFirst(item: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const k of keys) if (k in item) ordered[k] = item[k];
  for (const [k, v] of Object.entries(item)) if (!(k in ordered)) ordered[k] = v;
  return ordered;
}
const errorText = (e: { name: string; message: string }): string => `${e.name}: ${e.message}`;
/** The order two interleaved runs take: A1 B1 A2 B2 ... */
const interleaving = (calls: number): string => (calls > 1 ? Array.from({ length: calls }, (_, i) => `A${i + 1} B${i + 1}`).join(' ') : 'A and B on one table');
/** Whether any call, or any action of a transaction, carries a ConditionExpression. */
const hasCondition = (calls: readonly ApiCall[]): boolean =>
  calls.some(
    (call) =>
      call.params.ConditionExpression !== undefined ||
      (Array.isArray(call.params.TransactItems) &&
        call.params.TransactItems.some(
          (entry: unknown) =>
            typeof entry === 'object' &&
            entry !== null &&
            Object.values(entry).some((inner) => typeof inner === 'object' && inner !== null && 'ConditionExpression' in inner),
        )),
  );
const units = (n: number): string => `${Number(n.toFixed(4))} capacity unit${n === 1 ? '' : 's'}`;

/** Grade a learner's JSON against a resolved request spec. Pure: the fixture is cloned, never written. */
export function gradeRequest(spec: RequestAnswerSpec, json: string, context: GradeContext): GradeResult & { kind: 'request' } {
  const fixture = loadFixture(spec.fixture as FixtureSpec);
  const plain = (items: readonly Item[]) => plainItems(items, [fixture.hashKey, fixture.rangeKey ?? '']);
  const reference = referenceRuns(spec, fixture, referenceCalls(spec));
  const parsed = parseRequestAnswer(json);
  const checks: Check[] = [];
  const essential = new Set<string>(spec.checks.essential ?? []);
  const add = (id: string, label: string, passed: boolean, detail?: string): void => {
    checks.push({ id, label, passed, weight: 1, ...(detail !== undefined ? { detail } : {}), ...(essential.has(id) ? { essential: true } : {}) });
  };
  const c = spec.checks;
  const expected = { actions: reference.main.actions, items: plain(reference.main.items), capacity: reference.main.capacity, request: spec.reference };

  if (!parsed.ok) {
    for (const [i, [id, label]] of checkLabels(spec).entries())
      add(id, label, false, i === 0 ? parsed.message : 'Not checked: the answer could not be read (see the first check).');
    return result(checks, { parseError: parsed.message, expected }, context);
  }
  const db = fixture.base.clone();
  const learner = runCalls(db, parsed.calls);
  const details: Record<string, unknown> = {
    learner: {
      actions: learner.actions,
      items: plain(learner.items),
      capacity: learner.capacity,
      ...(learner.error ? { error: errorText(learner.error) } : {}),
    },
    expected,
  };
  if (learner.error) {
    const hint = errorHint(learner.error, json, { tableName: fixture.tableName, indexes: indexNames(fixture.table) });
    const detail = `Your request failed with ${errorText(learner.error)}${hint === '' ? '' : `. ${hint}`}`;
    // The error and its hint once, on the first check; repeated on every row it buried the table.
    for (const [i, [id, label]] of checkLabels(spec).entries())
      add(id, label, false, i === 0 ? detail : 'Not checked: the request failed (see the first check).');
    return result(checks, details, context);
  }
  const hiddenNote = (items: readonly Item[]): string => {
    const hidden = items.filter((i) => {
      const key = keyFingerprint(i, fixture.hashKey, fixture.rangeKey);
      return key !== undefined && fixture.hiddenKeys.has(key);
    }).length;
    return hidden > 0 ? ` (${hidden} of them not in the sample you were shown)` : '';
  };

  if (c.items) {
    const diff = diffItems(reference.main.items, learner.items);
    details.itemsDiff = { missing: plain(diff.missing), extra: plain(diff.extra), orderDiffers: diff.orderDiffers };
    const problems: string[] = [];
    const paired = pairByKey(diff, fixture.hashKey, fixture.rangeKey);
    if (paired.missing.length > 0) problems.push(`${paired.missing.length} expected item(s) missing${hiddenNote(paired.missing)}`);
    if (paired.extra.length > 0) problems.push(`${paired.extra.length} item(s) that should not be there${hiddenNote(paired.extra)}`);
    if (paired.pairs.length > 0) {
      const shown = paired.pairs.slice(0, 2).map(([want, have]) => describeChanges(want, have, false));
      problems.push(`${paired.pairs.length} right item(s) with the wrong attributes (${[...new Set(shown)].join('; ')})`);
    }
    const orderMatters = c.items === 'ordered' && diff.orderDiffers;
    if (orderMatters) {
      const at = reference.main.items.findIndex((item, i) => canonical(item) !== canonical(learner.items[i]!));
      const keyOf = (item: Item): string =>
        JSON.stringify(keysFirst(unmarshallItem(item), [fixture.hashKey, fixture.rangeKey ?? '']), [fixture.hashKey, fixture.rangeKey ?? '']);
      problems.push(`the right items in the wrong order (item ${at + 1} should be ${keyOf(reference.main.items[at]!)}, yours is ${keyOf(learner.items[at]!)})`);
    }
    const passed = problems.length === 0;
    add(
      'items',
      c.items === 'ordered' ? 'Returns the right items in the right order' : 'Returns the right items',
      passed,
      passed ? `${learner.items.length} item(s), as expected.` : `${problems.join('; ')}.`,
    );
  }
  if (c.state) {
    const after = scanAll(db, fixture.tableName);
    const diff = diffItems(reference.state, after);
    details.stateDiff = { missing: plain(diff.missing), extra: plain(diff.extra) };
    const passed = diff.missing.length === 0 && diff.extra.length === 0;
    add(
      'state',
      'Leaves the table as the task wants it',
      passed,
      passed
        ? 'The table matches the expected state.'
        : `The table after your request differs: ${describeStateDiff(diff, fixture.hashKey, fixture.rangeKey).join('; ')}.`,
    );
  }
  if (c.operations) {
    const wrong = learner.actions.filter((a) => !c.operations!.includes(a));
    add(
      'operation',
      `Uses ${c.operations.join(' or ')}`,
      wrong.length === 0,
      wrong.length === 0 ? `Used ${learner.actions.join(', ')}.` : `Used ${learner.actions.join(', ')}${operationAdvice(learner.actions, c.operations)}.`,
    );
  }
  if (c.index) {
    const used = parsed.calls.some((call) => call.params.IndexName === c.index);
    add('index', `Reads the index ${c.index}`, used, used ? `Read ${c.index}.` : `No call names IndexName "${c.index}".`);
  }
  if (c.consistentRead) {
    const reads = parsed.calls.filter((call) => READ_ACTIONS.has(call.action));
    const eventual = reads.filter((call) => call.params.ConsistentRead !== true);
    const passed = reads.length > 0 && eventual.length === 0;
    add(
      'consistent-read',
      'Reads with strong consistency',
      passed,
      passed
        ? 'ConsistentRead: true.'
        : reads.length === 0
          ? 'No read call to make consistent.'
          : `${eventual.map((call) => call.action).join(', ')} without ConsistentRead: true is eventually consistent: it may not reflect a write that completed just before.`,
    );
  }
  if (c.capacity) {
    const passed = learner.capacity <= reference.main.capacity + 1e-9;
    add(
      'capacity',
      'Consumes no more capacity than needed',
      passed,
      `Yours: ${units(learner.capacity)}; the reference: ${units(reference.main.capacity)}.${passed ? '' : capacityHint(parsed.calls, referenceCalls(spec))}`,
    );
  }
  if (c.condition) {
    const conflict = fixture.conflict;
    if (!conflict) throw new Error('checks.condition needs fixture.conflict');
    const replay = conflict.clone();
    const before = scanAll(conflict, fixture.tableName);
    const outcome = runCalls(replay, parsed.calls);
    const refused = outcome.error?.name === 'ConditionalCheckFailedException' || outcome.error?.name === 'TransactionCanceledException';
    const unchanged = (() => {
      const d = diffItems(before, scanAll(replay, fixture.tableName));
      return d.missing.length === 0 && d.extra.length === 0;
    })();
    const passed = refused && unchanged;
    details.conflict = { error: outcome.error ? errorText(outcome.error) : undefined, unchanged };
    add(
      'condition',
      'Refuses to write when the condition does not hold',
      passed,
      passed
        ? `Replayed where the condition must fail: ${errorText(outcome.error!)}, nothing written.`
        : outcome.error && !refused
          ? `Replayed where the condition must fail, it failed with ${errorText(outcome.error)} instead of a condition failure.`
          : refused
            ? `Replayed where the condition must fail, your condition failed (${outcome.error!.name}), but an earlier call had already written: separate calls are not undone, only a transaction is all-or-nothing.`
            : hasCondition(parsed.calls)
              ? `Replayed where the condition must fail, your ConditionExpression held there too, so your request ${unchanged ? 'was not refused' : 'wrote anyway'}: the condition must test what the task protects.`
              : `Replayed where the condition must fail, your request ${unchanged ? 'was not refused' : 'wrote anyway'}: it needs a ConditionExpression.`,
    );
  }
  if (c.concurrent) {
    const shared = fixture.base.clone();
    const [a, b] = runInterleaved(shared, parsed.calls);
    const after = scanAll(shared, fixture.tableName);
    const diff = diffItems(reference.concurrentState ?? [], after);
    const passed = diff.missing.length === 0 && diff.extra.length === 0 && !a.error && !b.error;
    details.concurrent = { expected: plain(diff.missing), yours: plain(diff.extra) };
    add(
      'concurrent',
      'Gives the right result when two requests run at once',
      passed,
      passed
        ? 'Two runs interleaved call by call left the table as two runs should.'
        : a.error || b.error
          ? `One of two interleaved runs failed: ${errorText((a.error ?? b.error)!)}.`
          : `Two runs of your calls interleaved (${interleaving(parsed.calls.length)}) must leave the table as two runs one after the other do, and do not: ${describeStateDiff(diff, fixture.hashKey, fixture.rangeKey).join('; ')}.`,
    );
  }
  if (spec.simulation) {
    // The answer ran once on the plain engine above; here it runs inside the scenario's seeded runs.
    const summary = simulateAnswer(spec.simulation, fixture.base, fixture.tableName, parsed.calls);
    details.simulation = summary;
    for (const check of simulationChecks(spec.simulation, summary)) add(check.id, check.label, check.passed, check.detail);
  }
  return result(checks, details, context);
}

/** What in the learner's calls costs more than the reference's, for a failed capacity check. */
function capacityHint(calls: readonly ApiCall[], reference: readonly ApiCall[]): string {
  const uses = (list: readonly ApiCall[], test: (call: ApiCall) => boolean) => list.some(test);
  if (uses(calls, (c) => c.action === 'Scan') && !uses(reference, (c) => c.action === 'Scan')) return '';
  if (uses(calls, (c) => c.params.ConsistentRead === true) && !uses(reference, (c) => c.params.ConsistentRead === true)) {
    return ` ${CONSISTENT_READ_NOT_NEEDED}`;
  }
  if (uses(calls, (c) => c.params.FilterExpression !== undefined)) {
    return ` ${FILTER_DOES_NOT_LOWER_THE_BILL}`;
  }
  return '';
}

/** The names of a CreateTable request's LSIs and GSIs. */
function indexNames(table: Readonly<Record<string, unknown>>): string[] {
  return ['LocalSecondaryIndexes', 'GlobalSecondaryIndexes'].flatMap((field) =>
    ((table[field] as { IndexName: string }[] | undefined) ?? []).map((index) => index.IndexName),
  );
}

/** Whether the answer uses the document client's {"command", "input"} shape (plain values). */
function usesDocumentClient(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'object' && first !== null && 'command' in first;
  } catch {
    return false;
  }
}

/** A hint after DynamoDB's words for the value-shape slips its messages do not name. */
export function errorHint(error: { name: string; message: string }, json: string, table?: { tableName: string; indexes: readonly string[] }): string {
  const documentClient = usesDocumentClient(json);
  if (table && error.name === 'ResourceNotFoundException') return `The table of this exercise is "${table.tableName}"; names are case-sensitive.`;
  if (table && /does not have the specified index/.test(error.message)) {
    return table.indexes.length === 0
      ? 'This table has no secondary index.'
      : `Its indexes: ${table.indexes.map((name) => `"${name}"`).join(', ')}; names are case-sensitive.`;
  }
  if (error.name === 'ConditionalCheckFailedException' || (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message))) {
    return 'On the table as it is now (see the sample) your condition is false: it must hold here and fail only once the item has changed.';
  }
  if (error.name === 'SerializationException' && /NUMBER_VALUE cannot be converted to String/.test(error.message)) {
    return 'DynamoDB JSON sends numbers as strings: {"N": "5"}, not {"N": 5}.';
  }
  if (!documentClient && error.name === 'SerializationException' && /Unexpected value type/.test(error.message)) {
    return 'With "action" and "params", every value is DynamoDB JSON such as {"S": "alice"}; for plain values use the document client shape {"command": "QueryCommand", "input": {...}}.';
  }
  // A typed value {"S": ...} in the document client's input is marshalled as a map, so keys and comparisons stop matching.
  if (documentClient && error.name === 'ValidationException' && /\{\s*"(?:S|N|BOOL|L|M)"\s*:/.test(json)) {
    return 'The document client takes plain values ("alice", 5): {"S": "alice"} there is a map. Use "action" and "params" for DynamoDB JSON.';
  }
  return '';
}

/** The checks a spec names, in the order gradeRequest adds them. */
export function checkLabels(spec: RequestAnswerSpec): [string, string][] {
  const c = spec.checks;
  const labels: [string, string][] = [];
  if (c.items) labels.push(['items', c.items === 'ordered' ? 'Returns the right items in the right order' : 'Returns the right items']);
  if (c.state) labels.push(['state', 'Leaves the table as the task wants it']);
  if (c.operations) labels.push(['operation', `Uses ${c.operations.join(' or ')}`]);
  if (c.index) labels.push(['index', `Reads the index ${c.index}`]);
  if (c.consistentRead) labels.push(['consistent-read', 'Reads with strong consistency']);
  if (c.capacity) labels.push(['capacity', 'Consumes no more capacity than needed']);
  if (c.condition) labels.push(['condition', 'Refuses to write when the condition does not hold']);
  if (c.concurrent) labels.push(['concurrent', 'Gives the right result when two requests run at once']);
  if (spec.simulation) labels.push(...simulationCheckLabels(spec.simulation));
  return labels;
}

function result(checks: readonly Check[], details: Record<string, unknown>, context: GradeContext): GradeResult & { kind: 'request' } {
  const total = checks.reduce((s, c) => s + c.weight, 0);
  const score = total === 0 ? 0 : checks.reduce((s, c) => s + (c.passed ? c.weight : 0), 0) / total;
  return { kind: 'request', verdict: verdictFor(score), score, checks, details, explanationHtml: context.explanationHtml, references: context.references };
}
