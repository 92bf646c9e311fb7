/**
 * Password hashing and the rules for new passwords and usernames.
 *
 * Hashes are scrypt (memory-hard, so a GPU farm pays in RAM for every guess), each with its own
 * random salt, stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later: a hash keeps
 * the parameters it was made with, and `needsRehash` tells log-in to upgrade it.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's minimum for scrypt (2^15, 8, 1): about 32 MiB and 50–100 ms per hash on one core. */
export const PRODUCTION_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** A stored hash asking for more than this is refused rather than allowed to exhaust memory. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,32}$/;

function scryptAsync(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses above maxmem (32 MiB by default, exactly the
  // production need), so give it twice the need and a ceiling.
  const maxmem = Math.min(MAX_MEMORY_BYTES, 2 * 128 * cost.N * cost.r * cost.p);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return undefined;
  if (128 * N * r * p > MAX_MEMORY_BYTES) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length === 0 || key.length === 0) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/** Constant-time comparison; a malformed stored hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than today's: log-in re-hashes it. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p;
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash of a random password at this cost, made once: log-in verifies against it when the
 * username does not exist, so a wrong username takes as long as a wrong password.
 */
export function dummyHash(cost: ScryptCost): Promise<string> {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword(randomBytes(16).toString('base64url'), cost);
    dummyHashes.set(key, hash);
  }
  return hash;
}

let commonPasswords: ReadonlySet<string> | undefined;

function loadCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

/**
 * True for a listed password, or one padded past the length rule with digits and symbols
 * ("football2024!"): the list alone holds few entries of 10 characters or more.
 */
export function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, '');
  return base.length > 0 && list.has(base);
}

/** Why this password is refused, or undefined when it is acceptable. */
export function checkNewPassword(password: string, username: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password.toLowerCase() === username.toLowerCase()) return 'The password must not be your username.';
  if (isCommonPassword(password))
    return 'This password is one of the most common ones, which attackers try first. Choose another, for example three or four unrelated words.';
  return undefined;
}

/** Why this username is refused, or undefined. Uniqueness is checked by the database. */
export function checkUsername(username: string): string | undefined {
  if (username.length < 3 || username.length > 32) return 'Use 3 to 32 characters.';
  if (!USERNAME_PATTERN.test(username)) return 'Use only letters, digits, dots, underscores and hyphens.';
  return undefined;
}
