/**
 * The progress store's tables. Migrations in migrations/ are generated from this file by
 * `npm run db:generate`; change the schema here, never the SQL.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { GradeResult, Variant } from '../bank/types.ts';

export const ROLES = ['learner', 'author', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** An account: a username and a password hash. Its learning record lives in its profile. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** As typed at sign-up, for display. */
  username: text('username').notNull(),
  /** Lower-cased: "Ada" and "ada" are one account. */
  usernameKey: text('username_key').notNull().unique(),
  /** `scrypt$N$r$p$salt$hash` (base64url), each with its own salt. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('learner'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A logged-in browser. Only the SHA-256 of the cookie's token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Moves with use; the session ends after an idle period past it. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** The absolute end, however active the session is. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Personal API tokens for scripts: `Authorization: Bearer <token>`. Only the hash is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so a learner can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);

/**
 * A learning record: an anonymous visitor's (bound to a cookie holding `token`, created with
 * the first answer) or an account's (userId set). Signing in moves an anonymous profile's
 * attempts into the account's profile.
 */
export const profiles = sqliteTable('profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The anonymous cookie value: random, unguessable, never shown in a page. */
  token: text('token').notNull().unique(),
  userId: integer('user_id')
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
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
    /**
     * What the learner was shown, stored once at answer time: the result page renders from
     * these and never grades again. Null only for attempts stored before they existed.
     */
    variant: text('variant', { mode: 'json' }).$type<Variant>(),
    result: text('result', { mode: 'json' }).$type<GradeResult>(),
    /** SHA-256 of the scenario file graded against, to say when it has changed since. */
    fingerprint: text('fingerprint'),
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
