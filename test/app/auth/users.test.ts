import { describe, expect, it } from 'vitest';
import { deleteUser, insertUser, selectOptionalUserByUsername, updateRole, UsernameTakenError } from '../../../app/auth/users.ts';
import { openTestStore } from '../../helpers/database.ts';

const now = new Date(Date.UTC(2026, 0, 5));

describe('insertUser', () => {
  it('makes the first account admin and later ones learners', async () => {
    const { db, close } = await openTestStore();
    expect((await insertUser(db, { username: 'Root', passwordHash: 'h', now })).role).toBe('admin');
    expect((await insertUser(db, { username: 'ada', passwordHash: 'h', now })).role).toBe('learner');
    await close();
  });

  it('refuses a username that differs only in case, inside the same transaction', async () => {
    const { db, close } = await openTestStore();
    await insertUser(db, { username: 'Ada', passwordHash: 'h', now });
    await expect(insertUser(db, { username: 'aDA', passwordHash: 'h', now })).rejects.toThrow(UsernameTakenError);
    expect((await selectOptionalUserByUsername(db, 'ADA'))?.username).toBe('Ada');
    await close();
  });

  it('makes later accounts learners even when no admin is left: only a fresh database grants admin', async () => {
    const { db, close } = await openTestStore();
    const root = await insertUser(db, { username: 'root', passwordHash: 'h', now });
    await insertUser(db, { username: 'ada', passwordHash: 'h', now });
    expect(await updateRole(db, root.id, 'learner')).toBe(true);
    expect((await insertUser(db, { username: 'bob', passwordHash: 'h', now })).role).toBe('learner');
    expect(await deleteUser(db, root.id)).toBe(true);
    expect(await deleteUser(db, root.id)).toBe(false);
    await close();
  });
});
