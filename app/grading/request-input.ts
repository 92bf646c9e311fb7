/**
 * What a learner may submit as a `request` answer, and how it becomes engine calls. Graded
 * input is data: JSON.parse and plain objects, never evaluated.
 *
 * Accepted shapes (content/README.md documents them for learners and authors):
 *   {"action": "Query", "params": {...}}          DynamoDB API shape: values as {"S": "..."}
 *   {"command": "QueryCommand", "input": {...}}   document client (@aws-sdk/lib-dynamodb): plain values
 *   {"command": "QueryItemCommand"...}            low-level client command names take the API shape
 *   [call, call, ...]                             a sequence run in order (a read then a write)
 */
import type { AttributeValue, Item } from '../../engine/index.ts';

export interface ApiCall {
  readonly action: string;
  readonly params: Record<string, unknown>;
}

export type ParsedRequest = { readonly ok: true; readonly calls: readonly ApiCall[] } | { readonly ok: false; readonly message: string };

/** Limits on what one answer may hold, so a grade stays cheap whatever is posted. */
export const REQUEST_LIMITS = {
  /** Characters of JSON. */
  maxChars: 20_000,
  /** Calls in one answer. */
  maxCalls: 5,
} as const;

/** Item actions a learner may run; table actions would change the fixture's shape. */
export const ITEM_ACTIONS = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
] as const;

/** lib-dynamodb's command names, which take plain JavaScript values. */
const DOCUMENT_COMMANDS: Readonly<Record<string, string>> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A plain-words hint for a JSON.parse error. Written without closures or imports: the editor
 * embeds its source (jsonHint.toString()) so the browser's live check says the same.
 */
export function jsonHint(text: string, message: string): string {
  if (text.trim() === '') return 'The answer is empty.';
  if (/,\s*[}\]]/.test(text) && /property name|Unexpected token '[}\]]'/.test(message)) return 'JSON allows no comma before a closing } or ].';
  if (/property name/.test(message)) return 'Property names need double quotes: "TableName", not TableName.';
  if (/Unexpected token '''/.test(message)) return 'Strings need double quotes, not single quotes.';
  const at = /position (\d+)/.exec(message);
  if (/Unexpected end/.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length)) return 'The JSON ends before every { and [ is closed.';
  if (/Expected ',' or/.test(message)) return 'A comma is missing between two values, or a closing } or ] is missing.';
  return '';
}

/** A JSON.parse error with its line and column, and a hint for the usual slips. */
export function describeJsonError(text: string, error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position && !/line \d+/.test(message)) {
    const before = text.slice(0, Number(position[1])).split('\n');
    message += ` (line ${before.length} column ${before[before.length - 1]!.length + 1})`;
  }
  const hint = jsonHint(text, message);
  return hint === '' ? message : `${message}. ${hint}`;
}

/** Parse a learner's JSON into engine calls, or a message saying what is wrong with it. */
export function parseRequestAnswer(json: string): ParsedRequest {
  if (json.length > REQUEST_LIMITS.maxChars) {
    return { ok: false, message: `The request is ${json.length} characters long; answers are limited to ${REQUEST_LIMITS.maxChars}.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `The answer is not valid JSON: ${describeJsonError(json, error)}` };
  }
  return readCalls(value);
}

/** The same as parseRequestAnswer for a value already parsed (scenario references, YAML). */
export function readCalls(value: unknown): ParsedRequest {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return { ok: false, message: 'The list of calls is empty: write at least one request.' };
  if (list.length > REQUEST_LIMITS.maxCalls) return { ok: false, message: `At most ${REQUEST_LIMITS.maxCalls} calls per answer.` };
  const calls: ApiCall[] = [];
  for (const [i, entry] of list.entries()) {
    const where = list.length > 1 ? `Call ${i + 1}: ` : '';
    const call = readCall(entry);
    if (typeof call === 'string') return { ok: false, message: where + call };
    calls.push(call);
  }
  return { ok: true, calls };
}

function readCall(entry: unknown): ApiCall | string {
  if (!isObject(entry)) return 'A request is an object such as {"action": "Query", "params": {...}}.';
  if (typeof entry.action === 'string') {
    const extra = Object.keys(entry).filter((k) => k !== 'action' && k !== 'params');
    if (extra.length > 0) return `Unexpected field "${extra[0]}": a request has "action" and "params".`;
    if (!isObject(entry.params)) return `"params" must be an object holding the ${entry.action} request's parameters.`;
    return checkAction(entry.action, entry.params);
  }
  if (typeof entry.command === 'string') {
    const extra = Object.keys(entry).filter((k) => k !== 'command' && k !== 'input');
    if (extra.length > 0) return `Unexpected field "${extra[0]}": a command has "command" and "input".`;
    if (!isObject(entry.input)) return `"input" must be an object holding the ${entry.command}'s input.`;
    const documentAction = DOCUMENT_COMMANDS[entry.command];
    if (documentAction !== undefined) {
      const params = marshallDocumentInput(documentAction, entry.input);
      return typeof params === 'string' ? params : checkAction(documentAction, params);
    }
    const low = /^([A-Za-z]+)Command$/.exec(entry.command)?.[1];
    if (low !== undefined && (ITEM_ACTIONS as readonly string[]).includes(low)) return checkAction(low, entry.input);
    return `Unknown command "${entry.command}"; the document client's are ${Object.keys(DOCUMENT_COMMANDS).join(', ')}.`;
  }
  const guess = guessAction(entry);
  if (guess !== undefined)
    return `These look like the parameters of a request on their own: wrap them as {"action": "${guess}", "params": {...}} (or the action you mean).`;
  return 'A request needs "action" (e.g. "Query") with "params", or "command" (e.g. "QueryCommand") with "input".';
}

/** The action a bare parameter object (the CLI's --cli-input-json shape) most likely belongs to. */
function guessAction(params: Record<string, unknown>): string | undefined {
  if (params.TransactItems !== undefined) return 'TransactWriteItems';
  if (isObject(params.RequestItems)) {
    const first = Object.values(params.RequestItems)[0];
    return Array.isArray(first) ? 'BatchWriteItem' : 'BatchGetItem';
  }
  if (params.TableName === undefined) return undefined;
  if (params.KeyConditionExpression !== undefined) return 'Query';
  if (params.UpdateExpression !== undefined) return 'UpdateItem';
  if (params.Item !== undefined) return 'PutItem';
  if (params.Key !== undefined) return 'GetItem';
  return 'Scan';
}

function checkAction(action: string, params: Record<string, unknown>): ApiCall | string {
  if (!(ITEM_ACTIONS as readonly string[]).includes(action)) {
    // "query", "dynamodb:Query", "QueryCommand": the learner knows the action, not its spelling here.
    const bare = action
      .replace(/^dynamodb:/i, '')
      .replace(/Command$/, '')
      .toLowerCase();
    const meant = ITEM_ACTIONS.find((a) => a.toLowerCase() === bare);
    if (meant !== undefined) return `"${action}" is spelt "${meant}" here: "action" takes the DynamoDB API name.`;
    return `"${action}" is not an item action this exercise runs; use one of ${ITEM_ACTIONS.join(', ')}.`;
  }
  return { action, params };
}

/** A plain JSON value as the document client marshalls it (arrays become lists, objects maps). */
export function marshallValue(value: unknown, path = 'value'): AttributeValue | string {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { N: String(value) } : `${path} is not a finite number`;
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) {
    const L: AttributeValue[] = [];
    for (const [i, v] of value.entries()) {
      const m = marshallValue(v, `${path}[${i}]`);
      if (typeof m === 'string') return m;
      L.push(m);
    }
    return { L };
  }
  if (isObject(value)) {
    const M = marshallItem(value, path);
    return typeof M === 'string' ? M : { M };
  }
  return `${path} cannot be stored in DynamoDB`;
}

/**
 * `target[key] = value`, except that an attribute named `__proto__` becomes an own attribute as
 * DynamoDB stores it, instead of replacing the object's prototype and vanishing.
 */
function setOwn<V>(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function marshallItem(value: Record<string, unknown>, path = 'item'): Item | string {
  const item: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(value)) {
    const m = marshallValue(v, `${path}.${k}`);
    if (typeof m === 'string') return m;
    setOwn(item, k, m);
  }
  return item;
}

/** An AttributeValue as plain JSON for display: numbers as numbers when exact, sets as arrays. */
export function unmarshallValue(value: AttributeValue): unknown {
  const v = value as Record<string, unknown>;
  if ('S' in v) return v.S;
  if ('N' in v) return plainNumber(v.N as string);
  if ('BOOL' in v) return v.BOOL;
  if ('NULL' in v) return null;
  if ('L' in v) return (v.L as AttributeValue[]).map(unmarshallValue);
  if ('M' in v) return unmarshallItem(v.M as Item);
  // Sets have no order: sorted, two equal sets compare and display alike whatever order they were written in.
  if ('SS' in v) return [...(v.SS as string[])].sort();
  if ('NS' in v) return (v.NS as string[]).map(plainNumber).sort((a, b) => Number(a) - Number(b));
  if ('B' in v) return `<binary ${String(v.B)}>`;
  if ('BS' in v) return [...(v.BS as string[])].sort().map((b) => `<binary ${b}>`);
  return value;
}

function plainNumber(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) || String(n) === text ? n : text;
}

export function unmarshallItem(item: Item): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(item).sort()) setOwn(plain, key, unmarshallValue(item[key]!));
  return plain;
}

/** Marshall the value-holding fields of a document-client input, as lib-dynamodb does. */
function marshallDocumentInput(action: string, input: Record<string, unknown>): Record<string, unknown> | string {
  const out: Record<string, unknown> = { ...input };
  const itemField = (holder: Record<string, unknown>, field: string, where: string): string | undefined => {
    const value = holder[field];
    if (value === undefined) return undefined;
    if (!isObject(value)) return `${where}${field} must be an object`;
    const m = marshallItem(value, field);
    if (typeof m === 'string') return m;
    holder[field] = m;
    return undefined;
  };
  const plainFields = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'];
  for (const field of plainFields) {
    const problem = itemField(out, field, '');
    if (problem) return problem;
  }
  if (action === 'BatchGetItem' || action === 'BatchWriteItem') {
    if (!isObject(out.RequestItems)) return 'RequestItems must be an object keyed by table name';
    const requestItems: Record<string, unknown> = {};
    for (const [table, entry] of Object.entries(out.RequestItems)) {
      if (action === 'BatchGetItem') {
        if (!isObject(entry) || !Array.isArray(entry.Keys)) return `RequestItems.${table} must hold a Keys list`;
        const keys: unknown[] = [];
        for (const key of entry.Keys) {
          if (!isObject(key)) return `RequestItems.${table}.Keys holds a non-object`;
          const m = marshallItem(key, 'Key');
          if (typeof m === 'string') return m;
          keys.push(m);
        }
        requestItems[table] = { ...entry, Keys: keys };
      } else {
        if (!Array.isArray(entry)) return `RequestItems.${table} must be a list of PutRequest/DeleteRequest`;
        const writes: unknown[] = [];
        for (const write of entry) {
          if (!isObject(write)) return `RequestItems.${table} holds a non-object`;
          const copy: Record<string, unknown> = { ...write };
          for (const [kind, field] of [
            ['PutRequest', 'Item'],
            ['DeleteRequest', 'Key'],
          ] as const) {
            if (isObject(copy[kind])) {
              const inner = { ...(copy[kind] as Record<string, unknown>) };
              const problem = itemField(inner, field, `${kind}.`);
              if (problem) return problem;
              copy[kind] = inner;
            }
          }
          writes.push(copy);
        }
        requestItems[table] = writes;
      }
    }
    out.RequestItems = requestItems;
  }
  if ((action === 'TransactWriteItems' || action === 'TransactGetItems') && Array.isArray(out.TransactItems)) {
    const items: unknown[] = [];
    for (const entry of out.TransactItems) {
      if (!isObject(entry)) return 'TransactItems holds a non-object';
      const copy: Record<string, unknown> = { ...entry };
      for (const kind of ['Put', 'Update', 'Delete', 'ConditionCheck', 'Get']) {
        if (!isObject(copy[kind])) continue;
        const inner = { ...(copy[kind] as Record<string, unknown>) };
        for (const field of ['Key', 'Item', 'ExpressionAttributeValues']) {
          const problem = itemField(inner, field, `${kind}.`);
          if (problem) return problem;
        }
        copy[kind] = inner;
      }
      items.push(copy);
    }
    out.TransactItems = items;
  }
  return out;
}
