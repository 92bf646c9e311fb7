import { describe, expect, it } from 'vitest';
import { designData } from '../../../app/grading/design.ts';
import { type FixtureSpec, loadFixture, scanAll } from '../../../app/grading/fixture.ts';
import { questionTableRequests } from '../../../app/playground/question-table.ts';
import type { PlaygroundRequest } from '../../../app/playground/requests.ts';
import { Database } from '../../../engine/index.ts';
import { loadContentBank } from '../../helpers/content-bank.ts';

const bank = loadContentBank();
const handsOn = bank.scenarios.filter((s) => s.kind === 'request' || s.kind === 'design');

function load(requests: readonly PlaygroundRequest[]): Database {
  const db = new Database({ now: () => Date.UTC(2026, 0, 1) });
  for (const { action, input } of requests) {
    const response = db.execute(action, input) as { UnprocessedItems?: object };
    if (action === 'BatchWriteItem') expect(response.UnprocessedItems).toEqual({});
  }
  return db;
}

const tableNameOf = (requests: readonly PlaygroundRequest[]) => (requests[0]!.input as { TableName: string }).TableName;
/** DescribeTable's answer without what differs between two creations of one table: its id and timestamps. */
const describeTable = (db: Database, name: string) =>
  JSON.stringify(db.execute('DescribeTable', { TableName: name }), (key, value) =>
    ['TableId', 'CreationDateTime', 'LastUpdateToPayPerRequestDateTime'].includes(key) ? undefined : value,
  );
const sorted = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();

describe('questionTableRequests', () => {
  it('covers the bank: there are request and design scenarios to load', () => {
    expect(handsOn.filter((s) => s.kind === 'request').length).toBeGreaterThan(5);
    expect(handsOn.filter((s) => s.kind === 'design').length).toBeGreaterThan(2);
  });

  it.each(handsOn.filter((s) => s.kind === 'request').map((s) => [s.id]))('%s: a copy of the fixture table the grader ran answers on', (id) => {
    for (const seed of [1, 2]) {
      const requests = questionTableRequests(bank, id, seed)!;
      expect(requests[0]!.action).toBe('CreateTable');
      const db = load(requests);
      const key = bank.instance(id, seed).key;
      if (key.kind !== 'request') throw new Error('not a request scenario');
      const fixture = loadFixture(key.spec.fixture as FixtureSpec);
      expect(sorted(scanAll(db, tableNameOf(requests)))).toEqual(sorted(scanAll(fixture.base, fixture.tableName)));
      expect(describeTable(db, fixture.tableName)).toBe(describeTable(fixture.base, fixture.tableName));
    }
  });

  it.each(handsOn.filter((s) => s.kind === 'design').map((s) => [s.id]))('%s: the reference design loaded with the data the patterns ran on', (id) => {
    const requests = questionTableRequests(bank, id, 1)!;
    const key = bank.instance(id, 1).key;
    if (key.kind !== 'design') throw new Error('not a design scenario');
    expect(requests[0]!.input).toEqual(key.spec.reference);
    const db = load(requests);
    const described = db.execute('DescribeTable', { TableName: tableNameOf(requests) }) as { Table: { ItemCount: number } };
    expect(described.Table.ItemCount).toBe(designData(key.spec).length);
  });

  it('leaves the hidden items out when asked, and renames the copy when asked', () => {
    const withHidden = handsOn.find((s) => {
      const key = bank.instance(s.id, 1).key;
      return key.kind === 'request' && loadFixture(key.spec.fixture as FixtureSpec).hidden.length > 0;
    })!;
    const key = bank.instance(withHidden.id, 1).key;
    if (key.kind !== 'request') throw new Error('not a request scenario');
    const fixture = loadFixture(key.spec.fixture as FixtureSpec);
    const visibleOnly = load(questionTableRequests(bank, withHidden.id, 1, { includeHidden: false, tableName: 'MyCopy' })!);
    expect(sorted(scanAll(visibleOnly, 'MyCopy'))).toEqual(sorted([...fixture.visible]));
    expect(visibleOnly.tableNames()).toEqual(['MyCopy']);
  });

  it('gives nothing for a question without a table, an unknown scenario or a seed that is not one', () => {
    const choice = bank.scenarios.find((s) => s.kind === 'choice')!;
    expect(questionTableRequests(bank, choice.id, 1)).toBeUndefined();
    expect(questionTableRequests(bank, 'no.such-scenario', 1)).toBeUndefined();
    expect(questionTableRequests(bank, handsOn[0]!.id, -1)).toBeUndefined();
  });
});
