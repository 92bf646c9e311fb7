/**
 * `npm run user -- --list` prints the accounts; `npm run user -- --role author NAME` grants a
 * role. Works on the database the server uses (DATABASE_URL, else DATABASE_PATH).
 */
import { pathToFileURL } from 'node:url';
import { selectOptionalUserByUsername, selectUsers, updateRole } from '../auth/users.ts';
import { openStore, type Store } from '../db/connection.ts';
import { ROLES, type Role } from '../db/schema.ts';
import { parseEnv } from '../env.ts';

const USAGE = `Usage:
  npm run user -- --list               list the accounts and their roles
  npm run user -- --role ROLE NAME     give the account NAME the role ROLE (${ROLES.join(', ')})`;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command on an open database; returns the exit code. */
export async function runUserCommand(args: readonly string[], store: Store, io: CommandOutput): Promise<number> {
  const { db } = store;
  if (args.length === 1 && args[0] === '--list') {
    const users = await selectUsers(db);
    if (users.length === 0) {
      io.out('No accounts yet. The first one to sign up becomes admin.');
      return 0;
    }
    const width = Math.max(8, ...users.map((u) => u.username.length));
    io.out(`${'username'.padEnd(width)}  role     created`);
    for (const u of users) io.out(`${u.username.padEnd(width)}  ${u.role.padEnd(7)}  ${u.createdAt.toISOString().slice(0, 10)}`);
    return 0;
  }
  if (args.length === 3 && args[0] === '--role') {
    const [, role, username] = args as [string, string, string];
    if (!(ROLES as readonly string[]).includes(role)) {
      io.err(`Unknown role "${role}": use one of ${ROLES.join(', ')}.`);
      return 2;
    }
    const user = await selectOptionalUserByUsername(db, username);
    if (!user) {
      io.err(`No account is named "${username}". List them with: npm run user -- --list`);
      return 1;
    }
    if (user.role === role) {
      io.out(`${user.username} already has the ${role} role.`);
      return 0;
    }
    await updateRole(db, user.id, role as Role);
    io.out(`${user.username}: ${user.role} -> ${role}.`);
    return 0;
  }
  io.err(USAGE);
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let store: Store;
  try {
    const env = parseEnv();
    store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
  } catch (error) {
    console.error(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const code = await runUserCommand(process.argv.slice(2), store, { out: (line) => console.log(line), err: (line) => console.error(line) });
  await store.close();
  process.exit(code);
}
