/**
 * Point-in-time recovery over the wire: UpdateContinuousBackups, writes, then
 * RestoreTableToPointInTime with the AWS SDK, on our endpoint with the engine clock injected (the
 * restorable window ends five minutes before now, so the test moves time by hand).
 */
import {
  CreateTableCommand,
  DescribeContinuousBackupsCommand,
  InvalidRestoreTimeException,
  PointInTimeRecoveryUnavailableException,
  PutItemCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  TableAlreadyExistsException,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Endpoint, startOurEndpoint } from './endpoint.ts';

const START = Date.UTC(2026, 0, 1);
let now = START;
let endpoint: Endpoint;
let client: ReturnType<typeof createClients>['client'];

beforeAll(async () => {
  endpoint = await startOurEndpoint({ now: () => now, requestsPerSecond: Number.POSITIVE_INFINITY });
  ({ client } = createClients(endpoint.url, 'PITRKEY'));
  await client.send(
    new CreateTableCommand({
      TableName: 'Orders',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});
afterAll(() => endpoint.close());

const put = (pk: string, status: string) => client.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: pk }, status: { S: status } } }));
const scan = async (table: string) => ((await client.send(new ScanCommand({ TableName: table }))).Items ?? []).map((i) => `${i.pk?.S}:${i.status?.S}`).sort();

describe('RestoreTableToPointInTime over the wire', () => {
  it('refuses a table without PITR with PointInTimeRecoveryUnavailableException', async () => {
    const error = await client
      .send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Orders', TargetTableName: 'Nope', UseLatestRestorableTime: true }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PointInTimeRecoveryUnavailableException);
    expect((error as Error).message).toBe("Point in time recovery is not enabled for table 'Orders'");
  });

  it('restores the table as it was at RestoreDateTime into a new table, leaving the source as it is', async () => {
    await client.send(new UpdateContinuousBackupsCommand({ TableName: 'Orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    await put('o1', 'placed');
    await put('o2', 'placed');
    now += 60_000;
    const before = new Date(now);
    now += 60_000;
    await put('o1', 'shipped');
    await put('o3', 'placed');
    // Too recent: the window ends five minutes before now.
    const early = await client
      .send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Orders', TargetTableName: 'OrdersThen', RestoreDateTime: before }))
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(InvalidRestoreTimeException);
    now += 10 * 60_000;
    const window = (await client.send(new DescribeContinuousBackupsCommand({ TableName: 'Orders' }))).ContinuousBackupsDescription
      ?.PointInTimeRecoveryDescription;
    expect(window?.EarliestRestorableDateTime).toEqual(new Date(START));
    expect(window?.LatestRestorableDateTime).toEqual(new Date(now - 5 * 60_000));
    const restored = await client.send(
      new RestoreTableToPointInTimeCommand({ SourceTableName: 'Orders', TargetTableName: 'OrdersThen', RestoreDateTime: before }),
    );
    expect(restored.TableDescription?.TableName).toBe('OrdersThen');
    expect(restored.TableDescription?.RestoreSummary?.RestoreDateTime).toEqual(before);
    expect(await scan('OrdersThen')).toEqual(['o1:placed', 'o2:placed']);
    expect(await scan('Orders')).toEqual(['o1:shipped', 'o2:placed', 'o3:placed']);
    const again = await client
      .send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Orders', TargetTableName: 'OrdersThen', UseLatestRestorableTime: true }))
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TableAlreadyExistsException);
  });
});
