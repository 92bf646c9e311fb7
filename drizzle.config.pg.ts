import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations, from schema-pg.ts (drizzle.config.ts is SQLite's). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './app/db/schema-pg.ts',
  out: './migrations-pg',
});
