/**
 * TagResource, UntagResource and ListTagsOfResource on tables (by ARN), for tools that tag what
 * they create. Messages follow dynalite (validations/tagResource.js), typo included: AWS spells
 * it "ResourcArn" (seen on AWS in turbot/steampipe-plugin-aws#1516). Which error an ARN gets, as
 * AWS answers (scylladb test/alternator/test_tag.py, nubo-db/dynamodb-conformance tags tests):
 * not a table ARN (an index ARN, a string that is no ARN) -> ValidationException; a table ARN in
 * another account or Region -> AccessDeniedException (the caller may not touch it); a table ARN
 * of this account that names no table -> ResourceNotFoundException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html#TaggingRestrictions
 */
import type { Database } from '../database.ts';
import { AccessDeniedException, ResourceNotFoundException, ValidationException } from '../errors.ts';
import { simSettings } from '../sim/tags.ts';
import type { Table } from '../storage/table.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const TABLE_ARN = /^arn:aws:dynamodb:([^:]+):(\d+):table\/([a-zA-Z0-9_.-]{3,255})$/;

/** Tags one table may carry (Tagging restrictions). */
export const MAX_TAGS_PER_RESOURCE = 50;
/**
 * Characters allowed in tag keys and values: "letters, white space, and numbers, plus the
 * following special characters: + - = . _ : /" (Tagging restrictions).
 */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}+\-=._:/]*$/u;
/** "AWS-assigned tag names and values are automatically assigned the aws: prefix, which you cannot assign." */
const RESERVED_PREFIX = 'aws:';

/**
 * AWS's texts for the tag checks below are not in its documentation, and no capture of them was
 * found; these are ours, in AWS's style. The exception type (ValidationException) is AWS's.
 */
export const TAG_MESSAGES = {
  tooMany: `One or more parameter values were invalid: The number of tags on a resource cannot exceed ${MAX_TAGS_PER_RESOURCE}`,
  characters: (what: 'key' | 'value', text: string) =>
    `One or more parameter values were invalid: Invalid tag ${what}: ${text}. Tag ${what}s may contain only letters, numbers, white space and + - = . _ : /`,
  reserved: (key: string) => `One or more parameter values were invalid: Invalid tag key: ${key}. The aws: prefix is reserved for AWS use`,
} as const;

function tableOf(db: Database, arn: unknown, action: string): Table {
  if (arn == null) throw new ValidationException('Invalid TableArn');
  const match = TABLE_ARN.exec(arn as string);
  if (!match) throw new ValidationException(`Invalid TableArn: Invalid ResourceArn provided as input ${String(arn)}`);
  const [, region, account, name] = match;
  if (region !== db.region || account !== db.accountId) {
    // AWS names the caller's IAM identity here; a sandbox has none, so the account root stands in.
    // Text after IAM's documented pattern, unconfirmed for DynamoDB:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
    throw new AccessDeniedException(
      `User: arn:aws:iam::${db.accountId}:root is not authorized to perform: dynamodb:${action} on resource: ${String(arn)} because no resource-based policy allows the dynamodb:${action} action`,
    );
  }
  const table = db.findTable(name!);
  if (!table || table.definition.arn !== arn) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${String(arn)} not found`);
  return table;
}

/** Checks each tag's characters and prefix, in request order. */
export function checkTags(tags: readonly { Key: string; Value: string }[]): void {
  for (const { Key, Value } of tags) {
    if (Key.toLowerCase().startsWith(RESERVED_PREFIX)) throw new ValidationException(TAG_MESSAGES.reserved(Key));
    if (!TAG_CHARACTERS.test(Key)) throw new ValidationException(TAG_MESSAGES.characters('key', Key));
    if (!TAG_CHARACTERS.test(Value)) throw new ValidationException(TAG_MESSAGES.characters('value', Value));
  }
}

const tagShape: ShapeSpec = {
  ResourceArn: 'String',
  Tags: {
    type: 'List',
    notNull: true,
    children: {
      type: 'ValueStruct<Tag>',
      children: {
        Key: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 128 },
        Value: { type: 'String', notNull: true, lengthLessThanOrEqual: 256 },
      },
    },
  },
};

function runTag(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn, 'TagResource');
  const tags = request.Tags as { Key: string; Value: string }[];
  if (!tags.length) throw new ValidationException('Atleast one Tag needs to be provided as Input.');
  checkTags(tags);
  // A key already present is overwritten, so only new keys count toward the limit.
  const next = { ...table.definition.tags };
  for (const tag of tags) next[tag.Key] = tag.Value;
  if (Object.keys(next).length > MAX_TAGS_PER_RESOURCE) throw new ValidationException(TAG_MESSAGES.tooMany);
  // The simulation's own tags (engine/sim/tags.ts) are checked here, so a bad one changes nothing.
  simSettings(next);
  table.definition.tags = next;
  return {};
}

const untagShape: ShapeSpec = {
  ResourceArn: 'String',
  TagKeys: { type: 'List', notNull: true, children: 'String' },
};

function runUntag(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn, 'UntagResource');
  const keys = request.TagKeys as string[];
  if (!keys.length) throw new ValidationException('Atleast one Tag Key needs to be provided as Input.');
  const tags = { ...table.definition.tags };
  for (const key of keys) delete tags[key];
  table.definition.tags = tags;
  return {};
}

const listShape: ShapeSpec = { ResourceArn: 'String', NextToken: 'String' };

function runList(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn, 'ListTagsOfResource');
  return { Tags: Object.entries(table.definition.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
}

export const tagResource: Operation = { shape: tagShape, run: runTag };
export const untagResource: Operation = { shape: untagShape, run: runUntag };
export const listTagsOfResource: Operation = { shape: listShape, run: runList };
