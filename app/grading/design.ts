/**
 * Grading of `design` answers: the learner's CreateTable request is created in the engine (so
 * DynamoDB's rule errors are the engine's own), the scenario's data is loaded, and each access
 * pattern is searched for: every GetItem or Query the key schema and indexes allow with the
 * pattern's inputs is run, and the pattern passes when one returns the expected items with
 * the attributes it needs. The monthly cost of the workload comes from the cost model.
 */
import { calculateOnDemandRequestCost, calculateProvisionedCost, roundToCents } from '../../engine/index.ts';
import { Database, type Item } from '../../engine/index.ts';
import type { Check, GradeResult } from '../bank/types.ts';
import { FIXTURE_GENERATORS } from './fixture-generators.ts';
import { LruCache } from '../lru-cache.ts';
import type { AccessPattern, DesignAnswerSpec } from './hands-on-spec.ts';
import { describeJsonError, marshallItem, marshallValue, REQUEST_LIMITS, unmarshallItem } from './request-input.ts';
import { verdictFor, type GradeContext } from './request.ts';
import { simulateDesignLoad, type DesignLoadOutcome } from './simulation.ts';

/** Seconds in the 730-hour month AWS bills. */
const SECONDS_PER_MONTH = 730 * 3600;
const FIXED_NOW = Date.UTC(2025, 0, 1);

interface KeyPath {
  /** undefined for the base table. */
  readonly index: string | undefined;
  readonly kind: 'table' | 'LSI' | 'GSI';
  readonly hash: string;
  readonly range: string | undefined;
  /** Attributes an index returns; undefined when it returns whole items (the table, or ALL). */
  readonly projected: ReadonlySet<string> | undefined;
}

export interface PatternOutcome {
  readonly name: string;
  readonly passed: boolean;
  /** The request that answered it, in the API shape. */
  readonly request?: { action: string; params: Record<string, unknown> };
  readonly capacity?: number;
  readonly detail: string;
}

interface LoadedDesign {
  readonly db: Database;
  readonly tableName: string;
  readonly paths: readonly KeyPath[];
  readonly writeUnitsPerItem: number;
  /** Write units per item by resource: "table" (with its LSIs) and each GSI by name. */
  readonly writeUnitsByResource: ReadonlyMap<string, number>;
  readonly distinctKeys: number;
  readonly definition: Record<string, unknown>;
}

type Plain = Record<string, unknown>;

const dataCache = new LruCache<string, readonly Plain[]>(32);

export function designData(spec: DesignAnswerSpec): readonly Plain[] {
  const key = JSON.stringify(spec.data);
  const cached = dataCache.get(key);
  if (cached) return cached;
  const generator = FIXTURE_GENERATORS[spec.data.generator];
  if (!generator) throw new Error(`Unknown data generator "${spec.data.generator}"`);
  const items = generator(spec.data.args).items;
  dataCache.set(key, items);
  return items;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function keyPaths(definition: Record<string, unknown>): KeyPath[] {
  const keys = (schema: unknown): { hash: string; range: string | undefined } => {
    const list = (schema as { AttributeName: string; KeyType: string }[]) ?? [];
    return { hash: list.find((k) => k.KeyType === 'HASH')!.AttributeName, range: list.find((k) => k.KeyType === 'RANGE')?.AttributeName };
  };
  const table = keys(definition.KeySchema);
  const paths: KeyPath[] = [{ index: undefined, kind: 'table', ...table, projected: undefined }];
  for (const [field, kind] of [
    ['LocalSecondaryIndexes', 'LSI'],
    ['GlobalSecondaryIndexes', 'GSI'],
  ] as const) {
    for (const index of (definition[field] as
      | { IndexName: string; KeySchema: unknown; Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } }[]
      | undefined) ?? []) {
      const own = keys(index.KeySchema);
      // An index entry always holds the table key and its own key, plus what the projection adds.
      const projected =
        index.Projection?.ProjectionType === 'ALL'
          ? undefined
          : new Set([table.hash, table.range, own.hash, own.range, ...(index.Projection?.NonKeyAttributes ?? [])].filter((a): a is string => a !== undefined));
      paths.push({ index: index.IndexName, kind, ...own, projected });
    }
  }
  return paths;
}

type Loaded = { ok: true; design: LoadedDesign } | { ok: false; message: string };

interface IndexedCapacity {
  readonly CapacityUnits?: number;
  readonly Table?: { CapacityUnits?: number };
  readonly LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  readonly GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** Units by the resource whose provisioned throughput pays them: LSIs use the table's, each GSI its own. */
function unitsByResource(consumed: IndexedCapacity | undefined): [string, number][] {
  if (!consumed) return [];
  const lsi = Object.values(consumed.LocalSecondaryIndexes ?? {}).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  return [
    ['table', (consumed.Table?.CapacityUnits ?? 0) + lsi],
    ...Object.entries(consumed.GlobalSecondaryIndexes ?? {}).map(([name, c]): [string, number] => [name, c.CapacityUnits ?? 0]),
  ];
}

/** Create the learner's table and load the data; errors are DynamoDB's words. */
function loadDesign(spec: DesignAnswerSpec, definition: Record<string, unknown>): Loaded {
  const db = new Database({ now: () => FIXED_NOW });
  try {
    db.execute('CreateTable', definition);
  } catch (error) {
    return { ok: false, message: `CreateTable failed: ${(error as Error).name}: ${(error as Error).message}` };
  }
  const tableName = String(definition.TableName);
  const paths = keyPaths(definition);
  const table = paths[0]!;
  const data = designData(spec);
  let units = 0;
  const byResource = new Map<string, number>();
  const keys = new Set<string>();
  for (const plain of data) {
    const item = marshallItem(plain) as Item;
    try {
      const response = db.execute('PutItem', { TableName: tableName, Item: item, ReturnConsumedCapacity: 'INDEXES' }) as { ConsumedCapacity?: IndexedCapacity };
      units += response.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const [resource, n] of unitsByResource(response.ConsumedCapacity)) byResource.set(resource, (byResource.get(resource) ?? 0) + n);
    } catch (error) {
      return { ok: false, message: `Loading the data failed on ${JSON.stringify(plain)}: ${(error as Error).name}: ${(error as Error).message}` };
    }
    keys.add(JSON.stringify([plain[table.hash], table.range === undefined ? null : plain[table.range]]));
  }
  const perItem = (n: number) => (data.length === 0 ? 0 : n / data.length);
  const writeUnitsByResource = new Map([...byResource].map(([resource, n]) => [resource, perItem(n)]));
  return { ok: true, design: { db, tableName, paths, writeUnitsPerItem: perItem(units), writeUnitsByResource, distinctKeys: keys.size, definition } };
}

const compare = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

function matchesRange(pattern: AccessPattern, item: Plain): boolean {
  const range = pattern.range;
  if (!range) return true;
  const v = item[range.attribute];
  if (v === undefined) return false;
  if (range.between) return compare(v, range.between[0]) >= 0 && compare(v, range.between[1]) <= 0;
  if (range.from !== undefined) return compare(v, range.from) >= 0;
  if (range.beginsWith !== undefined) return String(v).startsWith(range.beginsWith);
  return true;
}

/** The items a pattern must return, in order when it asks for one. */
export function expectedItems(spec: DesignAnswerSpec, pattern: AccessPattern): Plain[] {
  let items = designData(spec).filter((item) => Object.entries(pattern.inputs).every(([k, v]) => item[k] === v) && matchesRange(pattern, item));
  if (pattern.order) {
    const { attribute, descending } = pattern.order;
    items = [...items].sort((a, b) => (descending ? -1 : 1) * compare(a[attribute], b[attribute]));
  }
  return pattern.limit === undefined ? items : items.slice(0, Number(pattern.limit));
}

const identityOf = (spec: DesignAnswerSpec, item: Plain): string => JSON.stringify(spec.identity.map((a) => item[a] ?? null));

/** Every GetItem and Query on the table or an index that the pattern's inputs allow. */
function candidates(pattern: AccessPattern, design: LoadedDesign): { path: KeyPath; action: string; params: Record<string, unknown> }[] {
  const out: { path: KeyPath; action: string; params: Record<string, unknown> }[] = [];
  const value = (v: unknown) => marshallValue(v);
  for (const path of design.paths) {
    if (!(path.hash in pattern.inputs)) continue;
    const inputs = pattern.inputs;
    if (path.kind === 'table' && (path.range === undefined || path.range in inputs)) {
      const Key: Record<string, unknown> = { [path.hash]: value(inputs[path.hash]) };
      if (path.range !== undefined) Key[path.range] = value(inputs[path.range]);
      out.push({ path, action: 'GetItem', params: { TableName: design.tableName, Key, ...(pattern.consistent ? { ConsistentRead: true } : {}) } });
    }
    const names: Record<string, string> = { '#h': path.hash };
    const values: Record<string, unknown> = { ':h': value(inputs[path.hash]) };
    let condition = '#h = :h';
    const range = pattern.range;
    if (path.range !== undefined && path.range in inputs) {
      names['#r'] = path.range;
      values[':r'] = value(inputs[path.range]);
      condition += ' AND #r = :r';
    } else if (path.range !== undefined && range && range.attribute === path.range) {
      names['#r'] = path.range;
      if (range.between) {
        values[':a'] = value(range.between[0]);
        values[':b'] = value(range.between[1]);
        condition += ' AND #r BETWEEN :a AND :b';
      } else if (range.from !== undefined) {
        values[':a'] = value(range.from);
        condition += ' AND #r >= :a';
      } else if (range.beginsWith !== undefined) {
        values[':a'] = value(range.beginsWith);
        condition += ' AND begins_with(#r, :a)';
      }
    }
    const forward = pattern.order && pattern.order.attribute === path.range ? !pattern.order.descending : true;
    out.push({
      path,
      action: 'Query',
      params: {
        TableName: design.tableName,
        ...(path.index !== undefined ? { IndexName: path.index } : {}),
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: forward,
        ...(pattern.limit !== undefined ? { Limit: Number(pattern.limit) } : {}),
        ...(pattern.consistent ? { ConsistentRead: true } : {}),
      },
    });
  }
  return out;
}

/** A candidate call in words: the key condition with names and values filled in. */
function describeCall(params: Record<string, unknown>): string {
  if (params.Key) return `Key ${JSON.stringify(unmarshallItem(params.Key as Item))}`;
  const names = (params.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = unmarshallItem((params.ExpressionAttributeValues ?? {}) as Item);
  let text = String(params.KeyConditionExpression)
    .replace(/#\w+/g, (n) => names[n] ?? n)
    .replace(/:\w+/g, (v) => JSON.stringify(values[v] ?? v));
  if (params.ScanIndexForward === false) text += ', descending';
  if (params.Limit !== undefined) text += `, Limit ${String(params.Limit)}`;
  return text;
}

/** Why a key path cannot give a pattern's items: what it sorts by, or the condition it cannot narrow. */
function whyNot(pattern: AccessPattern, path: KeyPath): string {
  if (path.range !== undefined && path.range in pattern.inputs) return '';
  if (pattern.order && path.range !== pattern.order.attribute) {
    return path.range === undefined
      ? `: it has no sort key to order them by ${pattern.order.attribute}`
      : `: it sorts by ${path.range}, not by ${pattern.order.attribute}`;
  }
  if (pattern.range && path.range !== pattern.range.attribute) return `: ${pattern.range.attribute} is not its sort key, so no key condition can narrow it`;
  const extra = Object.keys(pattern.inputs).filter((name) => name !== path.hash && name !== path.range);
  if (extra.length > 0) return `: ${extra.join(' and ')} is not in its key, so no key condition can select by it`;
  return '';
}

const where = (path: KeyPath): string => (path.kind === 'table' ? 'the table' : `${path.kind} ${path.index}`);

function searchPattern(spec: DesignAnswerSpec, pattern: AccessPattern, design: LoadedDesign): PatternOutcome {
  const expected = expectedItems(spec, pattern);
  const ordered = pattern.order !== undefined;
  const expectedIds = expected.map((i) => identityOf(spec, i));
  const tried = candidates(pattern, design);
  if (tried.length === 0) {
    return {
      name: pattern.name,
      passed: false,
      detail: `Neither the table nor an index has a partition key among ${Object.keys(pattern.inputs).join(', ')}: only a Scan could answer this.`,
    };
  }
  let best: PatternOutcome | undefined;
  const problems: string[] = [];
  for (const candidate of tried) {
    let response: Record<string, unknown>;
    try {
      response = design.db.execute(candidate.action, { ...candidate.params, ReturnConsumedCapacity: 'TOTAL' }) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${candidate.action} on ${where(candidate.path)}: ${(error as Error).name}: ${(error as Error).message}`);
      continue;
    }
    const items = (candidate.action === 'GetItem' ? (response.Item ? [response.Item] : []) : (response.Items as Item[])).map((i) => unmarshallItem(i as Item));
    const capacity = (response.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0;
    const needed = [...new Set([...spec.identity, ...pattern.returns])];
    const projected = candidate.path.projected;
    const lacking = needed.filter((a) => (projected ? !projected.has(a) : items.some((i) => !(a in i))));
    if (lacking.length > 0) {
      problems.push(
        `${candidate.action} on ${where(candidate.path)} (${describeCall(candidate.params)}) returns items without ${lacking.join(', ')}: the index does not project ${lacking.length > 1 ? 'them' : 'it'}`,
      );
      continue;
    }
    const ids = items.map((i) => identityOf(spec, i));
    const sameItems = ordered ? ids.join('\n') === expectedIds.join('\n') : [...ids].sort().join('\n') === [...expectedIds].sort().join('\n');
    if (!sameItems) {
      const sameSet = [...ids].sort().join('\n') === [...expectedIds].sort().join('\n');
      const what = sameSet
        ? 'the right items in another order'
        : ids.length === expectedIds.length
          ? `${items.length} item(s), not the expected ones`
          : `${items.length} item(s) where ${expected.length} are expected`;
      problems.push(`${candidate.action} on ${where(candidate.path)} (${describeCall(candidate.params)}) returns ${what}${whyNot(pattern, candidate.path)}`);
      continue;
    }
    if (!best || capacity < (best.capacity ?? Infinity)) {
      best = {
        name: pattern.name,
        passed: true,
        request: { action: candidate.action, params: candidate.params },
        capacity,
        detail: `${candidate.action} on ${where(candidate.path)} (${describeCall(candidate.params)}): ${capacity} capacity unit(s) per call.`,
      };
    }
  }
  return best ?? { name: pattern.name, passed: false, detail: `${problems.join('; ')}.` };
}

export interface DesignCost {
  readonly mode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly readUnitsPerSecond: number;
  readonly writeUnitsPerSecond: number;
  readonly monthlyUsd: number;
  readonly working: string;
  /** Provisioned mode: whether the table's and each GSI's own throughput covers its average load. */
  readonly enoughThroughput: boolean;
  /** Provisioned mode: each resource short of its load, in words. */
  readonly shortfalls: readonly string[];
}

function costOf(spec: DesignAnswerSpec, design: LoadedDesign, outcomes: readonly PatternOutcome[]): DesignCost {
  const reads = spec.patterns.reduce((sum, p, i) => sum + Number(p.perSecond) * (outcomes[i]?.capacity ?? 0), 0);
  const writes = spec.writesPerSecond * design.writeUnitsPerItem;
  const definition = design.definition;
  // Standard-IA charges more per request (and less for storage, which the budget leaves out).
  const tableClass = definition.TableClass === 'STANDARD_INFREQUENT_ACCESS' ? 'standard-ia' : 'standard';
  const classNote = tableClass === 'standard-ia' ? ', Standard-IA table class' : '';
  if (definition.BillingMode === 'PROVISIONED' || (definition.BillingMode === undefined && definition.ProvisionedThroughput !== undefined)) {
    const throughput = (t: unknown) => (t as { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) ?? {};
    const gsis = (definition.GlobalSecondaryIndexes as { IndexName: string; ProvisionedThroughput?: unknown }[] | undefined) ?? [];
    const provisioned = new Map<string, { rcu: number; wcu: number }>([
      [
        'table',
        { rcu: throughput(definition.ProvisionedThroughput).ReadCapacityUnits ?? 0, wcu: throughput(definition.ProvisionedThroughput).WriteCapacityUnits ?? 0 },
      ],
      ...gsis.map((gsi): [string, { rcu: number; wcu: number }] => [
        gsi.IndexName,
        { rcu: throughput(gsi.ProvisionedThroughput).ReadCapacityUnits ?? 0, wcu: throughput(gsi.ProvisionedThroughput).WriteCapacityUnits ?? 0 },
      ]),
    ]);
    // Each GSI has its own throughput: reads on it and its share of every write are paid there, not by the table.
    const readsOn = new Map<string, number>();
    spec.patterns.forEach((p, i) => {
      const index = outcomes[i]?.request?.params.IndexName;
      const resource = typeof index === 'string' && gsis.some((g) => g.IndexName === index) ? index : 'table';
      readsOn.set(resource, (readsOn.get(resource) ?? 0) + Number(p.perSecond) * (outcomes[i]?.capacity ?? 0));
    });
    const shortfalls: string[] = [];
    for (const [resource, units] of provisioned) {
      const name = resource === 'table' ? 'the table' : `GSI ${resource}`;
      const needRead = readsOn.get(resource) ?? 0;
      const needWrite = spec.writesPerSecond * (design.writeUnitsByResource.get(resource) ?? 0);
      if (units.rcu < needRead) shortfalls.push(`${name} has ${units.rcu} RCU for ${fmt(needRead)} read units/s`);
      if (units.wcu < needWrite) {
        shortfalls.push(
          `${name} has ${units.wcu} WCU for ${fmt(needWrite)} write units/s${resource === 'table' ? '' : " (a GSI short of write capacity throttles the table's writes too)"}`,
        );
      }
    }
    const rcu = [...provisioned.values()].reduce((sum, u) => sum + u.rcu, 0);
    const wcu = [...provisioned.values()].reduce((sum, u) => sum + u.wcu, 0);
    const bill = calculateProvisionedCost({ rcu, wcu, tableClass, freeTier: false });
    return {
      mode: 'PROVISIONED',
      readUnitsPerSecond: reads,
      writeUnitsPerSecond: writes,
      monthlyUsd: roundToCents(bill.total),
      working: `${rcu} RCU and ${wcu} WCU provisioned (table and GSIs) for 730 hours${classNote}`,
      enoughThroughput: shortfalls.length === 0,
      shortfalls,
    };
  }
  const bill = calculateOnDemandRequestCost({ readUnitsPerMonth: reads * SECONDS_PER_MONTH, writeUnitsPerMonth: writes * SECONDS_PER_MONTH, tableClass });
  return {
    mode: 'PAY_PER_REQUEST',
    readUnitsPerSecond: reads,
    writeUnitsPerSecond: writes,
    monthlyUsd: roundToCents(bill.total),
    working: `${fmt(reads)} read units/s and ${fmt(writes)} write units/s on demand, over 730 hours${classNote}`,
    enoughThroughput: true,
    shortfalls: [],
  };
}

const fmt = (n: number): string => String(Number(n.toFixed(3)));

/** A pattern's condition on one more attribute, in words: `orderDate from "a" to "b"`. */
export function describeRange(range: NonNullable<AccessPattern['range']>): string {
  if (range.between) return `${range.attribute} from ${JSON.stringify(range.between[0])} to ${JSON.stringify(range.between[1])}`;
  if (range.from !== undefined) return `${range.attribute} from ${JSON.stringify(range.from)} on`;
  if (range.beginsWith !== undefined) return `${range.attribute} beginning with ${JSON.stringify(range.beginsWith)}`;
  return range.attribute;
}

/** What the question page shows: attributes, patterns with their inputs, volumes and budget. */
export function describeDesign(spec: DesignAnswerSpec): Record<string, unknown> {
  return {
    attributes: spec.attributes,
    identity: spec.identity,
    items: designData(spec).length,
    sample: designData(spec).slice(0, 4),
    patterns: spec.patterns.map((p) => ({
      name: p.name,
      description: p.description,
      inputs: p.inputs,
      ...(p.range ? { range: describeRange(p.range) } : {}),
      ...(p.order ? { order: p.order } : {}),
      ...(p.limit !== undefined ? { limit: Number(p.limit) } : {}),
      ...(p.consistent ? { consistent: true } : {}),
      returns: p.returns,
      perSecond: Number(p.perSecond),
    })),
    writesPerSecond: spec.writesPerSecond,
    budget: spec.budget,
    starter: JSON.stringify(
      {
        TableName: 'AppTable',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: '', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: '', KeyType: 'HASH' }],
      },
      null,
      2,
    ),
  };
}

const designCache = new LruCache<string, Loaded>(32);
// Outcomes are a few numbers each: room for every design of every variant content:check grades.
const loadCache = new LruCache<string, DesignLoadOutcome>(1024);

export function gradeDesign(spec: DesignAnswerSpec, json: string, context: GradeContext): GradeResult & { kind: 'design' } {
  const checks: Check[] = [];
  const essential = new Set(spec.essential ?? []);
  const add = (id: string, label: string, passed: boolean, detail: string, weight = 1): void => {
    checks.push({ id, label, passed, weight, detail, ...(essential.has(id) ? { essential: true } : {}) });
  };
  const labels: [string, string][] = [
    ['valid', 'DynamoDB accepts the table and the data loads'],
    ['keys-unique', 'The table key identifies each item'],
    ...spec.patterns.map((p): [string, string] => [`pattern:${p.name}`, `Answers "${p.description}" with GetItem or Query`]),
    ['budget', `Costs no more than $${spec.budget} a month`],
    ...(spec.simulation
      ? ([['throughput', `No request throttled over ${spec.simulation.seconds} simulated seconds of the workload`]] as [string, string][])
      : []),
  ];
  const failAll = (message: string, details: Record<string, unknown>) => {
    // The message once, on the first check; repeated on every row it buried the table.
    for (const [i, [id, label]] of labels.entries())
      add(id, label, false, i === 0 ? message : 'Not checked: the table could not be created (see the first check).');
    return finish(checks, details, context);
  };
  if (json.length > REQUEST_LIMITS.maxChars)
    return failAll(`The design is ${json.length} characters long; answers are limited to ${REQUEST_LIMITS.maxChars}.`, {});
  let definition: unknown;
  try {
    definition = JSON.parse(json);
  } catch (error) {
    return failAll(`The answer is not valid JSON: ${describeJsonError(json, error)}`, {});
  }
  if (!isObject(definition)) return failAll('A design is a CreateTable request: an object with TableName, KeySchema, AttributeDefinitions...', {});
  const cacheKey = `${JSON.stringify(spec.data)}\n${json}`;
  let loaded = designCache.get(cacheKey);
  if (!loaded) {
    loaded = loadDesign(spec, definition);
    designCache.set(cacheKey, loaded);
  }
  if (!loaded.ok) return failAll(loaded.message, { error: loaded.message });
  const design = loaded.design;
  const dataCount = designData(spec).length;
  add('valid', labels[0]![1], true, `Created ${design.tableName} with ${design.paths.length - 1} index(es) and loaded ${dataCount} items.`);
  const unique = design.distinctKeys === dataCount;
  add(
    'keys-unique',
    labels[1]![1],
    unique,
    unique
      ? `${dataCount} items, ${dataCount} distinct keys.`
      : `${dataCount - design.distinctKeys} of ${dataCount} items overwrote another with the same key: the key does not identify an item.`,
  );
  const outcomes = spec.patterns.map((pattern) => searchPattern(spec, pattern, design));
  for (const [i, outcome] of outcomes.entries()) add(`pattern:${outcome.name}`, labels[2 + i]![1], outcome.passed, outcome.detail, 2);
  const cost = costOf(spec, design, outcomes);
  const allPatterns = outcomes.every((o) => o.passed);
  const withinBudget = cost.monthlyUsd <= spec.budget && cost.enoughThroughput && allPatterns;
  add(
    'budget',
    labels.find(([id]) => id === 'budget')![1],
    withinBudget,
    !allPatterns
      ? `$${cost.monthlyUsd.toFixed(2)} a month for the patterns it answers; the budget is judged once every pattern is answered by GetItem or Query.`
      : !cost.enoughThroughput
        ? `The provisioned throughput is below the load: ${cost.shortfalls.join('; ')}. Requests would be throttled.`
        : `$${cost.monthlyUsd.toFixed(2)} a month (${cost.working}).`,
  );
  let load: DesignLoadOutcome | undefined;
  if (spec.simulation) {
    // The workload through the simulation: throttling per access pattern, which averages cannot show (a hot key).
    const items = designData(spec).map((plain) => marshallItem(plain) as Item);
    const answered = spec.patterns.map((p, i) => ({
      name: p.name,
      perSecond: Number(p.perSecond),
      ...(outcomes[i]?.passed && outcomes[i]?.request ? { request: outcomes[i]!.request! } : {}),
    }));
    // A run is thousands of requests; the same design, data, workload and patterns always give the same outcome.
    const loadKey = `${cacheKey}\n${JSON.stringify(spec.simulation)}\n${spec.writesPerSecond}\n${JSON.stringify(answered)}`;
    load = loadCache.get(loadKey);
    if (!load) {
      load = simulateDesignLoad(spec.simulation, design.db, design.tableName, items, spec.writesPerSecond, answered);
      loadCache.set(loadKey, load);
    }
    add('throughput', labels.find(([id]) => id === 'throughput')![1], throttledTotal(load) === 0, describeLoad(load));
  }
  return finish(checks, { patterns: outcomes, cost, reference: spec.reference, ...(load ? { load } : {}) }, context);
}

const throttledTotal = (load: DesignLoadOutcome): number => load.writes.throttled + load.patterns.reduce((s, p) => s + p.throttled, 0);

/** Throttled requests per access pattern and for the writes, and the hottest partition against the table's rate. */
function describeLoad(load: DesignLoadOutcome): string {
  const parts = [
    `writes: ${load.writes.throttled} of ${load.writes.sent} throttled`,
    ...load.patterns.filter((p) => p.sent > 0).map((p) => `${p.name}: ${p.throttled} of ${p.sent} throttled`),
  ];
  const hot = load.hottest;
  const hotNote =
    load.writes.throttled > 0 && hot.tableUnits > hot.units
      ? ` The busiest partition (${hot.partition} of ${load.partitions}) consumed ${hot.units} write units in one second, while the table may use ${hot.tableUnits} a second: one partition serves at most 1,000 WCU, so writes concentrated on few partition key values are throttled while the table has capacity to spare. Spread them over more key values (write sharding: a suffix on the key).`
      : '';
  return `Over ${load.seconds} simulated seconds: ${parts.join('; ')}.${hotNote}`;
}

function finish(checks: readonly Check[], details: Record<string, unknown>, context: GradeContext): GradeResult & { kind: 'design' } {
  const total = checks.reduce((s, c) => s + c.weight, 0);
  const score = total === 0 ? 0 : checks.reduce((s, c) => s + (c.passed ? c.weight : 0), 0) / total;
  return { kind: 'design', verdict: verdictFor(score), score, checks, details, explanationHtml: context.explanationHtml, references: context.references };
}
