/**
 * A playground request as code a learner can run against this server: an AWS CLI command, an
 * AWS SDK for JavaScript v3 module and a Python boto3 script. Each is runnable as shown; the
 * tests run all three against a live endpoint and check what they wrote.
 *
 * Binary values: DynamoDB JSON carries B and BS members as base64 text. The CLI command keeps
 * them so (AWS CLI version 2 reads blobs in --cli-input-json as base64; version 1 would store
 * the base64 text itself), the SDK code turns them into Buffers and the boto3 code into bytes,
 * as those clients expect raw bytes and base64-encode them on the wire.
 */

import { isStreamAction } from './requests.ts';

export interface CodeExportOptions {
  /** Default us-east-1: the server answers any Region. */
  readonly region?: string;
  /** The access key id picks the sandbox; default "playground". */
  readonly accessKeyId?: string;
  /** Checked only for an account's key id (Signature Version 4); default "anything". */
  readonly secretAccessKey?: string;
}

const DEFAULTS = { region: 'us-east-1', accessKeyId: 'playground', secretAccessKey: 'anything' } as const;

function settings(options: CodeExportOptions | undefined) {
  return { ...DEFAULTS, ...options };
}

/** "BatchWriteItem" -> "batch-write-item", as the AWS CLI names its subcommands. */
export function cliCommandName(action: string): string {
  return action.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** "batch-write-item" -> "BatchWriteItem". */
export function actionFromCliCommand(command: string): string {
  return command
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** "BatchWriteItem" -> "batch_write_item", as boto3 names its client methods. */
export function pythonMethodName(action: string): string {
  return action.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The client each tool uses for an action: DynamoDB Streams is a service of its own to the AWS
 * CLI (`aws dynamodbstreams`), the SDK (@aws-sdk/client-dynamodb-streams) and boto3
 * (`client('dynamodbstreams')`), though this server answers both at the same endpoint.
 */
function clientOf(action: string) {
  return isStreamAction(action)
    ? ({ cli: 'dynamodbstreams', npm: '@aws-sdk/client-dynamodb-streams', sdkClient: 'DynamoDBStreamsClient', boto3: 'dynamodbstreams' } as const)
    : ({ cli: 'dynamodb', npm: '@aws-sdk/client-dynamodb', sdkClient: 'DynamoDBClient', boto3: 'dynamodb' } as const);
}

/** The CLI paginates these by itself, merging pages; --no-paginate keeps the one call the playground made. */
const PAGINATED = new Set(['Query', 'Scan', 'ListTables', 'ListTagsOfResource', 'ListBackups']);

// ---------------------------------------------------------------- shell

const SHELL_SAFE = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/** A POSIX shell word standing for exactly `text`: bare when safe, else single-quoted with '\'' for each quote. */
export function shellQuote(text: string): string {
  if (SHELL_SAFE.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The request as an AWS CLI command (sh, bash, zsh): credentials as environment variables for this one command. */
export function toCli(action: string, input: unknown, endpoint: string, options?: CodeExportOptions): string {
  const { region, accessKeyId, secretAccessKey } = settings(options);
  const lines = [
    `AWS_ACCESS_KEY_ID=${shellQuote(accessKeyId)} AWS_SECRET_ACCESS_KEY=${shellQuote(secretAccessKey)} \\`,
    `aws ${clientOf(action).cli} ${cliCommandName(action)} --endpoint-url ${shellQuote(endpoint)} --region ${shellQuote(region)}${PAGINATED.has(action) ? ' --no-paginate' : ''} \\`,
    `  --cli-input-json ${shellQuote(prettyJson(input ?? {}))}`,
  ];
  return lines.join('\n');
}

/** Splits a command line into words as a POSIX shell would, without expansions: quotes, backslashes, line continuations. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const add = (text: string) => {
    word = (word ?? '') + text;
  };
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated single quote at character ${i + 1}`);
      add(command.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < command.length && command[j] !== '"') {
        const d = command[j]!;
        if (d === '\\' && j + 1 < command.length && '$`"\\\n'.includes(command[j + 1]!)) {
          if (command[j + 1] !== '\n') text += command[j + 1];
          j += 2;
        } else {
          text += d;
          j++;
        }
      }
      if (j >= command.length) throw new Error(`Unterminated double quote at character ${i + 1}`);
      add(text);
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < command.length && command[i + 1] !== '\n') add(command[i + 1]!);
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else {
      add(c);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Parses a command toCli wrote (or one like it) back into the action and its input. Throws an Error saying what is wrong. */
export function fromCli(command: string): { action: string; input: unknown } {
  const words = shellWords(command);
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
  const service = words[i + 1];
  if (words[i] !== 'aws' || (service !== 'dynamodb' && service !== 'dynamodbstreams') || words[i + 2] === undefined) {
    throw new Error('Expected "aws dynamodb <command>" or "aws dynamodbstreams <command>"');
  }
  const action = actionFromCliCommand(words[i + 2]!);
  if (clientOf(action).cli !== service) throw new Error(`"aws ${service}" has no command "${words[i + 2]!}"`);
  let input: unknown = {};
  const withValue = new Set(['--endpoint-url', '--region', '--output', '--profile']);
  for (i += 3; i < words.length; i++) {
    const option = words[i]!;
    if (option === '--cli-input-json') {
      const json = words[++i];
      if (json === undefined) throw new Error('--cli-input-json needs a value');
      input = JSON.parse(json);
    } else if (withValue.has(option)) {
      if (words[++i] === undefined) throw new Error(`${option} needs a value`);
    } else if (option !== '--no-paginate') {
      throw new Error(`Unexpected word "${option}"`);
    }
  }
  return { action, input };
}

// ---------------------------------------------------------------- literals

type Binary = { readonly member: 'B'; readonly value: string } | { readonly member: 'BS'; readonly value: readonly string[] };

/**
 * A binary AttributeValue: an object whose one member is B (a string) or BS (strings). No other
 * part of a DynamoDB request has that shape: attribute names sit one level up, as keys whose
 * values are AttributeValues, never strings.
 */
function binaryValue(value: object): Binary | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const v = (value as Record<string, unknown>)[keys[0]!];
  if (keys[0] === 'B' && typeof v === 'string') return { member: 'B', value: v };
  if (keys[0] === 'BS' && Array.isArray(v) && v.every((s) => typeof s === 'string')) return { member: 'BS', value: v as string[] };
  return undefined;
}

/** Characters a reader cannot see or a source file should not hold raw: controls, separators, format and unassigned code points. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * A string literal, escaping backslashes, the quote and anything invisible; in single quotes
 * unless the text has a single quote and no double one (as Python's repr chooses).
 */
function quoted(text: string, language: 'js' | 'python'): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x100 && (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))) out += `\\x${hex(cp, 2)}`;
    else if ((ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff) || INVISIBLE.test(ch)) {
      // A lone surrogate or an invisible code point, escaped so the source stays readable and valid.
      if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
      else out += language === 'js' ? `\\u{${hex(cp, 1)}}` : `\\U${hex(cp, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Printed on one line: an object of one scalar member (an AttributeValue such as { S: 'x' }) or a list of scalars (a set). */
function fitsOneLine(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isScalar);
  if (typeof value !== 'object' || value === null) return true;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 1 && isScalar(entries[0]![1]);
}

/** JSON for the CLI, indented, with AttributeValues and sets on one line so an item reads as a list of attributes. */
export function prettyJson(value: unknown, indent = ''): string {
  if (fitsOneLine(value)) {
    if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (typeof value === 'object' && value !== null) {
      const [[k, v]] = Object.entries(value).filter(([, x]) => x !== undefined) as [[string, unknown]];
      return `{ ${JSON.stringify(k)}: ${JSON.stringify(v)} }`;
    }
    return JSON.stringify(value) ?? 'null';
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${prettyJson(v, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function jsKey(key: string): string {
  // `__proto__: x` in an object literal sets the prototype; a computed key makes an own property.
  if (key === '__proto__') return "['__proto__']";
  return JS_IDENTIFIER.test(key) ? key : quoted(key, 'js');
}

function jsBuffer(base64: string): string {
  return `Buffer.from(${quoted(base64, 'js')}, 'base64')`;
}

/** A JavaScript expression for a JSON value, with binary AttributeValues as Buffers. */
export function jsLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoted(value, 'js');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (fitsOneLine(value)) return `[${value.map((v) => jsLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${jsLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const binary = binaryValue(value);
    if (binary?.member === 'B') return `{ B: ${jsBuffer(binary.value)} }`;
    if (binary?.member === 'BS') return `{ BS: [${binary.value.map(jsBuffer).join(', ')}] }`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    if (fitsOneLine(value)) return `{ ${jsKey(entries[0]![0])}: ${jsLiteral(entries[0]![1])} }`;
    return `{\n${entries.map(([k, v]) => `${inner}${jsKey(k)}: ${jsLiteral(v, inner)},`).join('\n')}\n${indent}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

/** The request as an ES module for Node.js with the AWS SDK for JavaScript v3 (`node file.mjs`). */
export function toJavaScript(action: string, input: unknown, endpoint: string, options?: CodeExportOptions): string {
  const { region, accessKeyId, secretAccessKey } = settings(options);
  const command = `${action}Command`;
  const { npm, sdkClient } = clientOf(action);
  return [
    `// npm install ${npm}, then: node request.mjs`,
    `import { ${sdkClient}, ${command} } from '${npm}';`,
    '',
    `const client = new ${sdkClient}({`,
    `  endpoint: ${quoted(endpoint, 'js')},`,
    `  region: ${quoted(region, 'js')},`,
    `  credentials: { accessKeyId: ${quoted(accessKeyId, 'js')}, secretAccessKey: ${quoted(secretAccessKey, 'js')} },`,
    '});',
    '',
    `const response = await client.send(new ${command}(${jsLiteral(input ?? {})}));`,
    'console.dir(response, { depth: null });',
    '',
  ].join('\n');
}

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

function pythonBytes(base64: string): string {
  let out = "b'";
  for (const byte of Buffer.from(base64, 'base64')) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "\\'";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${hex(byte, 2)}`;
  }
  return `${out}'`;
}

/** A Python expression for a JSON value: True/False/None, binary AttributeValues as bytes. */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quoted(value, 'python');
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (fitsOneLine(value)) return `[${value.map((v) => pythonLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${pythonLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const binary = binaryValue(value);
    if (binary?.member === 'B') return `{'B': ${pythonBytes(binary.value)}}`;
    if (binary?.member === 'BS') return `{'BS': [${binary.value.map(pythonBytes).join(', ')}]}`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    if (fitsOneLine(value)) return `{${quoted(entries[0]![0], 'python')}: ${pythonLiteral(entries[0]![1])}}`;
    return `{\n${entries.map(([k, v]) => `${inner}${quoted(k, 'python')}: ${pythonLiteral(v, inner)},`).join('\n')}\n${indent}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

/** The request as a Python script with boto3's low-level client (`python3 file.py`). */
export function toPython(action: string, input: unknown, endpoint: string, options?: CodeExportOptions): string {
  const { region, accessKeyId, secretAccessKey } = settings(options);
  const params = typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.entries(input).filter(([, v]) => v !== undefined) : [];
  const keywords = params.every(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !PYTHON_KEYWORDS.has(k));
  const call =
    params.length === 0
      ? `client.${pythonMethodName(action)}()`
      : keywords
        ? `client.${pythonMethodName(action)}(\n${params.map(([k, v]) => `    ${k}=${pythonLiteral(v, '    ')},`).join('\n')}\n)`
        : `client.${pythonMethodName(action)}(**${pythonLiteral(Object.fromEntries(params))})`;
  return [
    '# pip install boto3, then: python3 request.py',
    'from pprint import pprint',
    '',
    'import boto3',
    '',
    'client = boto3.client(',
    `    '${clientOf(action).boto3}',`,
    `    endpoint_url=${quoted(endpoint, 'python')},`,
    `    region_name=${quoted(region, 'python')},`,
    `    aws_access_key_id=${quoted(accessKeyId, 'python')},`,
    `    aws_secret_access_key=${quoted(secretAccessKey, 'python')},`,
    ')',
    '',
    `response = ${call}`,
    'pprint(response)',
    '',
  ].join('\n');
}
