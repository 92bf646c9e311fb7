/**
 * The playground's forms turned into the DynamoDB requests they send. Only what a request cannot
 * express is checked here (a number field holding words, one attribute given two types); the
 * rest goes to DynamoDB as typed, so its own validation answers in its own words.
 */
export interface PlaygroundRequest {
  readonly action: string;
  readonly input: Record<string, unknown>;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type Built = { readonly ok: true; readonly request: PlaygroundRequest } | { readonly ok: false; readonly errors: readonly FieldError[] };

export type Form = Readonly<Record<string, string | undefined>>;

export const KEY_TYPES = ['S', 'N', 'B'] as const;
export const PROJECTION_TYPES = ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const;
export const BILLING_MODES = ['PAY_PER_REQUEST', 'PROVISIONED'] as const;
export const STREAM_VIEW_TYPES = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const;
/** Index rows the create form offers; empty rows are left out of the request. */
export const GSI_ROWS = 2;
export const LSI_ROWS = 2;

const text = (form: Form, field: string): string => (form[field] ?? '').trim();

/** A whole number from a text field, or an error naming the field; empty is undefined. */
function integer(form: Form, field: string, errors: FieldError[]): number | undefined {
  const value = text(form, field);
  if (value === '') return undefined;
  if (!/^-?\d+$/.test(value)) {
    errors.push({ field, message: `"${value}" is not a whole number.` });
    return undefined;
  }
  return Number(value);
}

interface KeyAttribute {
  readonly name: string;
  readonly type: string;
  readonly field: string;
}

function keySchema(hash: KeyAttribute, range: KeyAttribute | undefined): { AttributeName: string; KeyType: string }[] {
  return [{ AttributeName: hash.name, KeyType: 'HASH' }, ...(range ? [{ AttributeName: range.name, KeyType: 'RANGE' }] : [])];
}

function keyAttribute(form: Form, prefix: string, which: 'pk' | 'sk'): KeyAttribute | undefined {
  const field = `${prefix}${which}Name`;
  const name = text(form, field);
  if (name === '') return undefined;
  return { name, type: text(form, `${prefix}${which}Type`) || 'S', field };
}

function projection(form: Form, prefix: string): Record<string, unknown> {
  const type = text(form, `${prefix}projection`) || 'ALL';
  const nonKey = text(form, `${prefix}nonKey`)
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return { ProjectionType: type, ...(nonKey.length > 0 && { NonKeyAttributes: nonKey }) };
}

function throughput(form: Form, prefix: string, errors: FieldError[]): Record<string, number> | undefined {
  const read = integer(form, `${prefix}rcu`, errors);
  const write = integer(form, `${prefix}wcu`, errors);
  if (read === undefined && write === undefined) return undefined;
  return { ReadCapacityUnits: read ?? 0, WriteCapacityUnits: write ?? 0 };
}

/** Attribute definitions for every key attribute named, each once; one name with two types is an error. */
function attributeDefinitions(attributes: readonly KeyAttribute[], errors: FieldError[]): { AttributeName: string; AttributeType: string }[] {
  const types = new Map<string, string>();
  for (const attribute of attributes) {
    const seen = types.get(attribute.name);
    if (seen !== undefined && seen !== attribute.type) {
      errors.push({
        field: attribute.field,
        message: `${attribute.name} is a key attribute elsewhere with type ${seen}; an attribute has one type in every key.`,
      });
    }
    if (seen === undefined) types.set(attribute.name, attribute.type);
  }
  return [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

/** The create-table form: a CreateTable request with key schema, attribute definitions, billing mode and indexes. */
export function buildCreateTable(form: Form): Built {
  const errors: FieldError[] = [];
  const hash: KeyAttribute = keyAttribute(form, '', 'pk') ?? { name: '', type: text(form, 'pkType') || 'S', field: 'pkName' };
  const range = keyAttribute(form, '', 'sk');
  const keys: KeyAttribute[] = [hash, ...(range ? [range] : [])];
  const billing = text(form, 'billingMode') || 'PAY_PER_REQUEST';
  const provisioned = billing === 'PROVISIONED';
  const gsis: Record<string, unknown>[] = [];
  for (let i = 1; i <= GSI_ROWS; i++) {
    const prefix = `gsi${i}.`;
    const name = text(form, `${prefix}name`);
    const gsiHash = keyAttribute(form, prefix, 'pk');
    if (name === '' && !gsiHash) continue;
    const gsiRange = keyAttribute(form, prefix, 'sk');
    const gsiKeys = [gsiHash ?? { name: '', type: 'S', field: `${prefix}pkName` }, ...(gsiRange ? [gsiRange] : [])];
    keys.push(...gsiKeys.filter((k) => k.name !== ''));
    const gsiThroughput = provisioned ? throughput(form, prefix, errors) : undefined;
    gsis.push({
      IndexName: name,
      KeySchema: keySchema(gsiKeys[0]!, gsiRange),
      Projection: projection(form, prefix),
      ...(gsiThroughput && { ProvisionedThroughput: gsiThroughput }),
    });
  }
  const lsis: Record<string, unknown>[] = [];
  for (let i = 1; i <= LSI_ROWS; i++) {
    const prefix = `lsi${i}.`;
    const name = text(form, `${prefix}name`);
    const lsiRange = keyAttribute(form, prefix, 'sk');
    if (name === '' && !lsiRange) continue;
    if (lsiRange) keys.push(lsiRange);
    // An LSI shares the table's partition key; only its sort key differs.
    lsis.push({
      IndexName: name,
      KeySchema: keySchema(hash, lsiRange ?? { name: '', type: 'S', field: `${prefix}skName` }),
      Projection: projection(form, prefix),
    });
  }
  const tableThroughput = provisioned ? throughput(form, '', errors) : undefined;
  const definitions = attributeDefinitions(
    keys.filter((k) => k.name !== ''),
    errors,
  );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      action: 'CreateTable',
      input: {
        TableName: text(form, 'tableName'),
        AttributeDefinitions: definitions,
        KeySchema: keySchema(hash, range),
        BillingMode: billing,
        ...(provisioned && { ProvisionedThroughput: tableThroughput ?? { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } }),
        ...(gsis.length > 0 && { GlobalSecondaryIndexes: gsis }),
        ...(lsis.length > 0 && { LocalSecondaryIndexes: lsis }),
      },
    },
  };
}

/** Billing mode and throughput: an UpdateTable request. */
export function buildUpdateCapacity(tableName: string, form: Form): Built {
  const errors: FieldError[] = [];
  const billing = text(form, 'billingMode') || 'PAY_PER_REQUEST';
  const provisioned = billing === 'PROVISIONED' ? throughput(form, '', errors) : undefined;
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      action: 'UpdateTable',
      input: {
        TableName: tableName,
        BillingMode: billing,
        ...(billing === 'PROVISIONED' && { ProvisionedThroughput: provisioned ?? { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } }),
      },
    },
  };
}

export function buildUpdateTimeToLive(tableName: string, form: Form): Built {
  return {
    ok: true,
    request: {
      action: 'UpdateTimeToLive',
      input: { TableName: tableName, TimeToLiveSpecification: { Enabled: text(form, 'enabled') === 'true', AttributeName: text(form, 'attributeName') } },
    },
  };
}

export function buildUpdateStreams(tableName: string, form: Form): Built {
  const enabled = text(form, 'enabled') === 'true';
  return {
    ok: true,
    request: {
      action: 'UpdateTable',
      input: {
        TableName: tableName,
        StreamSpecification: { StreamEnabled: enabled, ...(enabled && { StreamViewType: text(form, 'viewType') || 'NEW_AND_OLD_IMAGES' }) },
      },
    },
  };
}

/** A GSI added to an existing table: UpdateTable with a Create update and the new key attributes' definitions. */
export function buildCreateIndex(tableName: string, form: Form, provisioned: boolean): Built {
  const errors: FieldError[] = [];
  const hash = keyAttribute(form, '', 'pk') ?? { name: '', type: text(form, 'pkType') || 'S', field: 'pkName' };
  const range = keyAttribute(form, '', 'sk');
  const gsiThroughput = provisioned ? throughput(form, '', errors) : undefined;
  const definitions = attributeDefinitions(
    [hash, ...(range ? [range] : [])].filter((k) => k.name !== ''),
    errors,
  );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      action: 'UpdateTable',
      input: {
        TableName: tableName,
        AttributeDefinitions: definitions,
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: text(form, 'name'),
              KeySchema: keySchema(hash, range),
              Projection: projection(form, ''),
              ...(gsiThroughput && { ProvisionedThroughput: gsiThroughput }),
            },
          },
        ],
      },
    },
  };
}

export function buildDeleteIndex(tableName: string, form: Form): Built {
  return {
    ok: true,
    request: { action: 'UpdateTable', input: { TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: text(form, 'name') } }] } },
  };
}

/** A JSON field's value, or an error naming the field; empty is undefined. */
export function jsonField(form: Form, field: string, errors: FieldError[]): unknown {
  const value = text(form, field);
  if (value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    errors.push({ field, message: `Not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
