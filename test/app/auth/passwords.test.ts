import { describe, expect, it } from 'vitest';
import {
  checkNewPassword,
  checkUsername,
  hashPassword,
  isCommonPassword,
  needsRehash,
  PRODUCTION_SCRYPT_COST,
  verifyPassword,
} from '../../../app/auth/passwords.ts';
import { TEST_SCRYPT_COST } from './account-app.ts';

describe('hashPassword', () => {
  it('uses scrypt N=2^15, r=8, p=1 with a 16-byte salt by default, and verifies with it', async () => {
    const hash = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, key] = hash.split('$');
    expect({ scheme, N, r, p }).toEqual({ scheme: 'scrypt', N: '32768', r: '8', p: '1' });
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
    expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('salts every hash: the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!', TEST_SCRYPT_COST), hashPassword('same password!', TEST_SCRYPT_COST)]);
    expect(a).not.toBe(b);
  });

  it('verifies with the parameters stored in the hash, not the current ones', async () => {
    const hash = await hashPassword('correct horse battery', { N: 2 ** 11, r: 4, p: 2 });
    expect(hash).toMatch(/^scrypt\$2048\$4\$2\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('Correct horse battery', hash)).toBe(false);
    expect(needsRehash(hash, TEST_SCRYPT_COST)).toBe(true);
    expect(needsRehash(await hashPassword('x', TEST_SCRYPT_COST), TEST_SCRYPT_COST)).toBe(false);
  });

  it.each([[''], ['bcrypt$1$2$3$a$b'], ['scrypt$0$8$1$AAAA$AAAA'], ['scrypt$1073741824$8$1$AAAA$AAAA'], ['scrypt$1024$8$1$$AAAA']])(
    'matches nothing against the malformed hash %j',
    async (stored) => {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    },
  );
});

describe('checkNewPassword', () => {
  it.each([
    ['nine char', 'Use at least 10 characters (this one has 9).'],
    ['x'.repeat(257), 'Use at most 256 characters.'],
    ['qwertyuiop', 'This password is one of the most common ones'],
    ['QWERTYUIOP', 'This password is one of the most common ones'],
    ['football2024!', 'This password is one of the most common ones'],
    ['Sunshine_123', 'This password is one of the most common ones'],
    ['Ada.Lovelace', 'The password must not be your username.'],
  ])('refuses %j', (password, message) => {
    expect(checkNewPassword(password, 'ada.lovelace')).toContain(message);
  });

  it.each([['correct horse battery'], ['sunshine over the lake'], ['x'.repeat(256)], ['pässwörter!']])('accepts %j', (password) => {
    expect(checkNewPassword(password, 'ada')).toBeUndefined();
  });

  it('ships about a thousand common passwords', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('freepass')).toBe(true);
    expect(isCommonPassword('# lines starting with # are comments')).toBe(false);
  });
});

describe('checkUsername', () => {
  it.each([['ada'], ['Ada.Lovelace_1-x'], ['a'.repeat(32)]])('accepts %j', (username) => {
    expect(checkUsername(username)).toBeUndefined();
  });
  it.each([['ab'], ['a'.repeat(33)], ['ada lovelace'], ['ada@example'], ['ädä'], ['ada\n']])('refuses %j', (username) => {
    expect(checkUsername(username)).toBeDefined();
  });
});
