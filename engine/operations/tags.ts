/**
 * TagResource, UntagResource and ListTagsOfResource on tables (by ARN), for tools that tag what
 * they create. Messages follow dynalite (validations/tagResource.js), typo included: AWS spells
 * it "ResourcArn".
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
 */
import type { Database } from '../database.ts';
import { ResourceNotFoundException, ValidationException } from '../errors.ts';
import type { Table } from '../storage/table.ts';
import type { Operation } from './operation.ts';
import type { ShapeSpec } from './shape.ts';

const TABLE_ARN = /^arn:aws:dynamodb:[^:]+:\d+:table\/[a-zA-Z0-9_.-]{3,255}$/;

function tableOf(db: Database, arn: unknown): Table {
  if (arn == null) throw new ValidationException('Invalid TableArn');
  if (!TABLE_ARN.test(arn as string)) throw new ValidationException(`Invalid TableArn: Invalid ResourceArn provided as input ${String(arn)}`);
  const name = (arn as string).split('/').pop()!;
  const table = db.findTable(name);
  if (!table || table.definition.arn !== arn) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${String(arn)} not found`);
  return table;
}

const tagShape: ShapeSpec = {
  ResourceArn: 'String',
  Tags: { type: 'List', notNull: true, children: { type: 'ValueStruct<Tag>', children: { Key: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 128 }, Value: { type: 'String', notNull: true, lengthLessThanOrEqual: 256 } } } },
};

function runTag(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn);
  const tags = request.Tags as { Key: string; Value: string }[];
  if (!tags.length) throw new ValidationException('Atleast one Tag needs to be provided as Input.');
  table.definition.tags = { ...table.definition.tags };
  for (const tag of tags) table.definition.tags[tag.Key] = tag.Value;
  return {};
}

const untagShape: ShapeSpec = {
  ResourceArn: 'String',
  TagKeys: { type: 'List', notNull: true, children: 'String' },
};

function runUntag(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn);
  const keys = request.TagKeys as string[];
  if (!keys.length) throw new ValidationException('Atleast one Tag Key needs to be provided as Input.');
  const tags = { ...table.definition.tags };
  for (const key of keys) delete tags[key];
  table.definition.tags = tags;
  return {};
}

const listShape: ShapeSpec = { ResourceArn: 'String', NextToken: 'String' };

function runList(db: Database, request: Record<string, unknown>): unknown {
  const table = tableOf(db, request.ResourceArn);
  return { Tags: Object.entries(table.definition.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
}

export const tagResource: Operation = { shape: tagShape, run: runTag };
export const untagResource: Operation = { shape: untagShape, run: runUntag };
export const listTagsOfResource: Operation = { shape: listShape, run: runList };
