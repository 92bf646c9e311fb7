import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../app/env.ts';

describe('parseEnv', () => {
  it('defaults to port 3000 on 127.0.0.1 with data/app.db and content/', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATABASE_PATH: 'data/app.db', CONTENT_DIR: 'content' });
  });

  it('reads every variable it knows and ignores the rest', () => {
    const env = parseEnv({ PORT: '0', HOST: '0.0.0.0', DATABASE_PATH: '/tmp/x.db', CONTENT_DIR: 'c', PATH: '/bin' });
    expect(env).toMatchObject({ PORT: 0, HOST: '0.0.0.0', DATABASE_PATH: '/tmp/x.db', CONTENT_DIR: 'c' });
    expect(env).not.toHaveProperty('PATH');
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['HOST', ''],
    ['DATABASE_PATH', ''],
    ['DATABASE_URL', 'mysql://db/study'],
    ['DATABASE_URL', 'data/app.db'],
    ['COOKIE_SECURE', 'yes'],
    ['TRUST_PROXY', 'on'],
    ['RATE_LIMIT_AUTH_PER_USERNAME', '0'],
    ['RATE_LIMIT_ANSWERS_PER_MINUTE', 'many'],
    ['WORKERS', '0'],
    ['WORKERS', 'all'],
    ['DYNAMODB_SANDBOX_SYNC', 'sometimes'],
    ['DYNAMODB_SNAPSHOT_MAX_BYTES', '-1'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
  });

  it('takes WORKERS as a count or auto, one by default, and leaves the sandbox sync to the database unless set', () => {
    expect(parseEnv({}).WORKERS).toBe(1);
    expect(parseEnv({ WORKERS: '2' }).WORKERS).toBe(2);
    expect(parseEnv({ WORKERS: 'auto' }).WORKERS).toBe('auto');
    expect(parseEnv({}).DYNAMODB_SANDBOX_SYNC).toBeUndefined();
    expect(parseEnv({ DYNAMODB_SANDBOX_SYNC: 'always', DYNAMODB_SNAPSHOT_MAX_BYTES: '1048576' })).toMatchObject({
      DYNAMODB_SANDBOX_SYNC: 'always',
      DYNAMODB_SNAPSHOT_MAX_BYTES: 1048576,
    });
  });

  it('takes a postgres:// DATABASE_URL, and treats an empty one as unset', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://study:pw@db:5432/study' }).DATABASE_URL).toBe('postgres://study:pw@db:5432/study');
    expect(parseEnv({ DATABASE_URL: 'postgresql://db/study' }).DATABASE_URL).toBe('postgresql://db/study');
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it('defaults the account settings: rate limits, no proxy', () => {
    expect(parseEnv({})).toMatchObject({
      TRUST_PROXY: false,
      RATE_LIMIT_AUTH_PER_ADDRESS: 30,
      RATE_LIMIT_AUTH_PER_USERNAME: 10,
      RATE_LIMIT_AUTH_WINDOW_MINUTES: 15,
      RATE_LIMIT_ANSWERS_PER_MINUTE: 60,
    });
    expect(parseEnv({ TRUST_PROXY: 'true', RATE_LIMIT_ANSWERS_PER_MINUTE: '5' })).toMatchObject({ TRUST_PROXY: true, RATE_LIMIT_ANSWERS_PER_MINUTE: 5 });
  });

  it.each([
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['localhost', false],
    ['::1', false],
    ['[::1]', false],
    ['0.0.0.0', true],
    ['192.168.1.20', true],
    ['::', true],
    ['study.example', true],
  ])('sets COOKIE_SECURE by default for HOST=%s to %s', (host, secure) => {
    expect(parseEnv({ HOST: host }).COOKIE_SECURE).toBe(secure);
  });

  it('lets COOKIE_SECURE override the default either way', () => {
    expect(parseEnv({ HOST: '0.0.0.0', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ HOST: '127.0.0.1', COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });
});
