import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../app/env.ts';

describe('parseEnv', () => {
  it('defaults to port 3000 on 127.0.0.1 with data/app.db and content/', () => {
    expect(parseEnv({})).toEqual({ PORT: 3000, HOST: '127.0.0.1', DATABASE_PATH: 'data/app.db', CONTENT_DIR: 'content' });
  });

  it('reads every variable it knows and ignores the rest', () => {
    expect(parseEnv({ PORT: '0', HOST: '0.0.0.0', DATABASE_PATH: '/tmp/x.db', CONTENT_DIR: 'c', PATH: '/bin' })).toEqual({
      PORT: 0,
      HOST: '0.0.0.0',
      DATABASE_PATH: '/tmp/x.db',
      CONTENT_DIR: 'c',
    });
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['HOST', ''],
    ['DATABASE_PATH', ''],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
  });
});
