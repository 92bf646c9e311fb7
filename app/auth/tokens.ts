/**
 * Secrets handed to a client (session cookies, API tokens): random, 256 bits, base64url; only
 * their SHA-256 is stored, so a copy of the database does not let anyone in.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
