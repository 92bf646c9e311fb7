/**
 * Each account's credentials for its own DynamoDB sandbox on /dynamodb (table sandbox_keys).
 * SigV4 signs with the secret itself, so it is stored readable, as AWS IAM keeps it; it is shown
 * only on the account page and can be rotated there.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { sandboxKeys } from '../db/schema.ts';
import { type Db, firstRow, prepared, type Tables, tablesOf } from '../db/store.ts';

export type SandboxKey = typeof sandboxKeys.$inferSelect;

/** AWS's key ids are AKIA + 16 of A-Z2-7 (base32); ours take the same shape so tools accept them. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const KEY_ID_LENGTH = 16;
/**
 * The shape of an AWS key id (AKIA and 16 capitals or digits), which newAccessKeyId's take: any
 * other key id is anonymous without asking the database.
 */
const ACCOUNT_KEY_ID = new RegExp(`^AKIA[A-Z0-9]{${KEY_ID_LENGTH}}$`);

export function mayBeAccountKeyId(accessKeyId: string): boolean {
  return ACCOUNT_KEY_ID.test(accessKeyId);
}

export function newAccessKeyId(): string {
  const bytes = randomBytes(KEY_ID_LENGTH);
  let id = 'AKIA';
  for (const byte of bytes) id += BASE32[byte % 32];
  return id;
}

/** 40 characters of base64, as AWS's secret access keys. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export async function selectSandboxKeyOfUser(db: Db, userId: number): Promise<SandboxKey | undefined> {
  const { sandboxKeys } = tablesOf(db);
  return firstRow(await db.select().from(sandboxKeys).where(eq(sandboxKeys.userId, userId)).limit(1));
}

const sandboxKeyById = (db: Db, { sandboxKeys }: Tables) =>
  db
    .select()
    .from(sandboxKeys)
    .where(eq(sandboxKeys.accessKeyId, sql.placeholder('accessKeyId')))
    .limit(1)
    .prepare();

/** On every request to /dynamodb, so a rotated key stops working at once. */
export async function selectSandboxKeyById(db: Db, accessKeyId: string): Promise<SandboxKey | undefined> {
  return firstRow(await prepared(db, sandboxKeyById).execute({ accessKeyId }));
}

/** The account's key, created on first use. */
export async function ensureSandboxKey(db: Db, userId: number, now: Date): Promise<SandboxKey> {
  const { sandboxKeys } = tablesOf(db);
  const existing = await selectSandboxKeyOfUser(db, userId);
  if (existing) return existing;
  const [created] = await db
    .insert(sandboxKeys)
    .values({ userId, accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey(), createdAt: now })
    .returning();
  if (!created) throw new Error('Inserting a sandbox key returned no row.');
  return created;
}

/** A new key id and secret for the account; the old pair stops working at once. */
export async function rotateSandboxKey(db: Db, userId: number, now: Date): Promise<{ previous: SandboxKey | undefined; current: SandboxKey }> {
  const { sandboxKeys } = tablesOf(db);
  const previous = await selectSandboxKeyOfUser(db, userId);
  const values = { accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey(), createdAt: now };
  const [current] = previous
    ? await db.update(sandboxKeys).set(values).where(eq(sandboxKeys.userId, userId)).returning()
    : await db
        .insert(sandboxKeys)
        .values({ userId, ...values })
        .returning();
  if (!current) throw new Error('Storing a sandbox key returned no row.');
  return { previous, current };
}
