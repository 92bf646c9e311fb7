import { describe, expect, it } from 'vitest';
import { deleteUser, insertUser, selectOptionalUserByUsername, updateRole, UsernameTakenError } from '../../../app/auth/users.ts';
import { openTestDatabase } from '../../helpers/database.ts';

const now = new Date(Date.UTC(2026, 0, 5));

describe('insertUser', () => {
  it('makes the first account admin and later ones learners', () => {
    const { db, close } = openTestDatabase();
    expect(insertUser(db, { username: 'Root', passwordHash: 'h', now }).role).toBe('admin');
    expect(insertUser(db, { username: 'ada', passwordHash: 'h', now }).role).toBe('learner');
    close();
  });

  it('refuses a username that differs only in case, inside the same transaction', () => {
    const { db, close } = openTestDatabase();
    insertUser(db, { username: 'Ada', passwordHash: 'h', now });
    expect(() => insertUser(db, { username: 'aDA', passwordHash: 'h', now })).toThrow(UsernameTakenError);
    expect(selectOptionalUserByUsername(db, 'ADA')?.username).toBe('Ada');
    close();
  });

  it('makes later accounts learners even when no admin is left: only a fresh database grants admin', () => {
    const { db, close } = openTestDatabase();
    const root = insertUser(db, { username: 'root', passwordHash: 'h', now });
    insertUser(db, { username: 'ada', passwordHash: 'h', now });
    expect(updateRole(db, root.id, 'learner')).toBe(true);
    expect(insertUser(db, { username: 'bob', passwordHash: 'h', now }).role).toBe('learner');
    expect(deleteUser(db, root.id)).toBe(true);
    expect(deleteUser(db, root.id)).toBe(false);
    close();
  });
});
