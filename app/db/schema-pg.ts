/**
 * The progress store's tables on PostgreSQL: schema.ts table for table and column for column
 * (same SQL names, nullability, defaults, keys, indexes and foreign keys), and, what lets the
 * queries be written once against schema.ts's types, the same JavaScript type for every column.
 * test/app/db/schema-parity.test.ts fails when the two drift. Migrations in migrations-pg/ are
 * generated from this file by `npm run db:generate`; change the schema here, never the SQL.
 *
 * How SQLite's storage classes map:
 * - timestamps (`integer`, mode timestamp_ms) are `bigint` milliseconds here too, read as Date:
 *   raw SQL does integer arithmetic on them (`created_at / 86400000`), the same in both dialects;
 * - every other integer is `bigint` (mode number): SQLite's integers are 64-bit and seeds use
 *   the whole uint32 range, which PostgreSQL's 32-bit `integer` cannot hold. Keys (identity ids
 *   and the foreign keys naming them) stay `integer`: ids are counted, not chosen;
 * - JSON text (`text`, mode json) is `json`, not `jsonb`: `json` keeps the text as written, so
 *   an answer's keys come back in the learner's order and an export is byte for byte the
 *   SQLite one; jsonb would sort them. Nothing compares or indexes these columns, the only
 *   thing jsonb does better. Its array functions are `json_array_elements_text` & co.;
 * - boolean-mode integers are `boolean`; `real` is `double precision` (SQLite's REAL is 8 bytes);
 * - text enums are plain `text`: a new value needs no `alter type`, one migration path for both;
 * - the blob is `bytea`, read as a Buffer.
 */
import { bigint, boolean, customType, doublePrecision, index, integer, json, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { GradeResult, Variant } from '../bank/types.ts';
import { ATTEMPT_SOURCES, REPORT_STATUSES, ROLES } from './schema.ts';

/**
 * Milliseconds since the epoch in a `bigint`, a Date in JavaScript, as SQLite's timestamp_ms.
 * node-postgres reads int8 as text by default (it may exceed 2^53); postgres.ts parses it as a
 * number, and Number() here keeps this column right under a driver that does not.
 */
const timestampMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

const bytes = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** A 64-bit integer read as a JavaScript number, SQLite's `integer` (see the module comment). */
const int64 = (name: string) => bigint(name, { mode: 'number' });

/** An id PostgreSQL numbers, as SQLite's `integer primary key autoincrement`. */
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull(),
  usernameKey: text('username_key').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('learner'),
  createdAt: timestampMs('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestampMs('created_at').notNull(),
    lastSeenAt: timestampMs('last_seen_at').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    lastUsedAt: timestampMs('last_used_at'),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);

export const profiles = pgTable('profiles', {
  id: id(),
  token: text('token').notNull().unique(),
  userId: integer('user_id')
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestampMs('created_at').notNull(),
});

export const attempts = pgTable(
  'attempts',
  {
    id: id(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    submissionToken: text('submission_token').notNull().unique(),
    scenarioId: text('scenario_id').notNull(),
    seed: int64('seed').notNull(),
    area: text('area').notNull(),
    objectives: json('objectives').$type<string[]>().notNull(),
    params: json('params').$type<Record<string, string | number | boolean>>().notNull(),
    answer: json('answer').$type<unknown>().notNull(),
    verdict: text('verdict', { enum: ['correct', 'partial', 'incorrect'] }).notNull(),
    score: doublePrecision('score').notNull(),
    variant: json('variant').$type<Variant>(),
    result: json('result').$type<GradeResult>(),
    fingerprint: text('fingerprint'),
    secondsTaken: int64('seconds_taken'),
    confidence: text('confidence', { enum: ['sure', 'unsure', 'guess'] }),
    source: text('source', { enum: ATTEMPT_SOURCES }).notNull().default('practice'),
    essentialPassed: boolean('essential_passed'),
    createdAt: timestampMs('created_at').notNull(),
  },
  (table) => [
    index('attempts_profile_created_idx').on(table.profileId, table.createdAt),
    index('attempts_scenario_idx').on(table.scenarioId),
    index('attempts_profile_scenario_idx').on(table.profileId, table.scenarioId, table.id),
  ],
);

export const reviewCards = pgTable(
  'review_cards',
  {
    id: id(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    due: timestampMs('due').notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    elapsedDays: int64('elapsed_days').notNull(),
    scheduledDays: int64('scheduled_days').notNull(),
    learningSteps: int64('learning_steps').notNull(),
    reps: int64('reps').notNull(),
    lapses: int64('lapses').notNull(),
    state: int64('state').notNull(),
    lastReview: timestampMs('last_review'),
    lastSeed: int64('last_seed'),
    createdAt: timestampMs('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('review_cards_profile_scenario_idx').on(table.profileId, table.scenarioId),
    index('review_cards_profile_due_idx').on(table.profileId, table.due),
  ],
);

export const studySettings = pgTable('study_settings', {
  profileId: integer('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  targetRetention: doublePrecision('target_retention').notNull().default(0.9),
  newPerDay: int64('new_per_day').notNull().default(10),
});

export const exams = pgTable(
  'exams',
  {
    id: id(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'submitted'] }).notNull(),
    area: text('area'),
    kinds: json('kinds').$type<string[]>().notNull(),
    questionCount: int64('question_count').notNull(),
    durationSeconds: int64('duration_seconds').notNull(),
    passMark: doublePrecision('pass_mark').notNull(),
    startedAt: timestampMs('started_at').notNull(),
    deadlineAt: timestampMs('deadline_at').notNull(),
    submittedAt: timestampMs('submitted_at'),
    timedOut: boolean('timed_out').notNull().default(false),
    score: doublePrecision('score'),
  },
  (table) => [index('exams_profile_started_idx').on(table.profileId, table.startedAt)],
);

export const examQuestions = pgTable(
  'exam_questions',
  {
    id: id(),
    examId: integer('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    position: int64('position').notNull(),
    scenarioId: text('scenario_id').notNull(),
    seed: int64('seed').notNull(),
    area: text('area').notNull(),
    flagged: boolean('flagged').notNull().default(false),
    answer: json('answer').$type<unknown>(),
    answeredAt: timestampMs('answered_at'),
    secondsSpent: int64('seconds_spent').notNull().default(0),
    attemptId: integer('attempt_id').references(() => attempts.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('exam_questions_exam_position_idx').on(table.examId, table.position)],
);

export const questionReports = pgTable(
  'question_reports',
  {
    id: id(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    seed: int64('seed').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('open'),
    triageNote: text('triage_note'),
    triagedAt: timestampMs('triaged_at'),
    triagedByUserId: integer('triaged_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestampMs('created_at').notNull(),
  },
  (table) => [uniqueIndex('question_reports_profile_variant_message_idx').on(table.profileId, table.scenarioId, table.seed, table.message)],
);

export const sandboxKeys = pgTable('sandbox_keys', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessKeyId: text('access_key_id').notNull().unique(),
  secretAccessKey: text('secret_access_key').notNull(),
  createdAt: timestampMs('created_at').notNull(),
});

export const sandboxSnapshots = pgTable('sandbox_snapshots', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  version: int64('version').notNull(),
  snapshot: bytes('snapshot').notNull(),
  bytes: int64('bytes').notNull(),
  updatedAt: timestampMs('updated_at').notNull(),
});

export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  startedAt: timestampMs('started_at').notNull(),
  count: int64('count').notNull(),
});
