/**
 * The progress store's tables. Migrations in migrations/ are generated from this file by
 * `npm run db:generate`; change the schema here, never the SQL.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A learner, for now identified only by a cookie holding `token`. */
export const profiles = sqliteTable('profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The cookie value: random, unguessable, never shown in a page. */
  token: text('token').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const attempts = sqliteTable(
  'attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    /**
     * Issued with the question form; unique so a reload or a double submit of the same form
     * finds the attempt already stored instead of recording a second one.
     */
    submissionToken: text('submission_token').notNull().unique(),
    scenarioId: text('scenario_id').notNull(),
    seed: integer('seed').notNull(),
    /** Denormalised from the bank at answer time so progress survives content changes. */
    area: text('area').notNull(),
    objectives: text('objectives', { mode: 'json' }).$type<string[]>().notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string | number | boolean>>().notNull(),
    answer: text('answer', { mode: 'json' }).$type<unknown>().notNull(),
    verdict: text('verdict', { enum: ['correct', 'partial', 'incorrect'] }).notNull(),
    score: real('score').notNull(),
    secondsTaken: integer('seconds_taken'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('attempts_profile_created_idx').on(table.profileId, table.createdAt),
    index('attempts_scenario_idx').on(table.scenarioId),
  ],
);

/** "Report a problem with this question", kept with the exact variant the learner saw. */
export const questionReports = sqliteTable(
  'question_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    seed: integer('seed').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('question_reports_profile_variant_message_idx').on(table.profileId, table.scenarioId, table.seed, table.message)],
);
