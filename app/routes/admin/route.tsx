/** /admin/users: list accounts and change their roles. create-app guards /admin/* with requireRole('admin'). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { loadLearner } from '../../auth/identity.ts';
import { selectOptionalUserById, selectUsers, updateRole } from '../../auth/users.ts';
import { ROLES } from '../../db/schema.ts';
import type { AppEnv } from '../app-env.ts';
import { readForm } from '../account/read-form.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { UsersPage } from './view.tsx';

const RoleFormSchema = z.object({
  role: z.enum(ROLES, { error: `Choose one of ${ROLES.join(', ')}.` }),
});

export const adminRoutes = new Hono<AppEnv>()
  .get('/admin/users', loadLearner, async (c) => {
    c.header('Cache-Control', 'no-store');
    const notice = c.req.query('updated');
    return c.html(
      <UsersPage users={await selectUsers(c.var.deps.db)} currentUserId={c.var.user!.id} notice={notice ? `Role saved for ${notice}.` : undefined} />,
    );
  })
  .post('/admin/users/:userId/role', loadLearner, bodyLimit({ maxSize: 4096 }), async (c) => {
    const { db } = c.var.deps;
    const idText = c.req.param('userId');
    if (!/^\d{1,15}$/.test(idText)) throw new InvalidInputError('userId', `"${idText}" is not a user number.`);
    const target = await selectOptionalUserById(db, Number(idText));
    if (!target) throw new NotFoundError(`There is no user ${idText}.`);
    const parsed = RoleFormSchema.safeParse(await readForm(c));
    if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
    const role = parsed.data.role;
    // Without an admin nobody could grant roles from the site again.
    const admins = (await selectUsers(db)).filter((u) => u.role === 'admin');
    if (target.role === 'admin' && role !== 'admin' && admins.length === 1) {
      return c.html(
        <UsersPage
          users={await selectUsers(db)}
          currentUserId={c.var.user!.id}
          error={`${target.username} is the only admin. Make another account admin first.`}
        />,
        409,
      );
    }
    await updateRole(db, target.id, role);
    return c.redirect(`/admin/users?updated=${encodeURIComponent(target.username)}`, 303);
  });
