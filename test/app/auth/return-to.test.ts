import { describe, expect, it } from 'vitest';
import { loginPath } from '../../../app/auth/return-to.ts';

describe('loginPath', () => {
  it('carries a same-site path back through log-in', () => {
    expect(loginPath('/authoring/reports?x=1')).toBe('/login?returnTo=%2Fauthoring%2Freports%3Fx%3D1');
  });

  it.each([['/'], ['//evil.example'], ['/\\evil.example'], ['/\t/evil.example'], ['https://evil.example'], ['/progress\n']])('drops %j', (path) => {
    expect(loginPath(path)).toBe('/login');
  });
});
