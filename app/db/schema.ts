/**
 * The progress store's tables. Migrations in migrations/ are generated from this file by
 * `npm run db:generate`; change the schema here, never the SQL.
 */
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { GradeResult, Variant } from '../bank/types.ts';

export const ROLES = ['learner', 'author', 'admin'] as const;
/** A report's life: open until an author resolves or dismisses it (closed: the older word for either). */
export const REPORT_STATUSES = ['open', 'closed', 'resolved', 'dismissed'] as const;
/** Where an answer was given. */
export const ATTEMPT_SOURCES = ['practice', 'review', 'exam', 'drill'] as const;
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
    /** How sure the learner said they were; null when not given. */
    confidence: text('confidence', { enum: ['sure', 'unsure', 'guess'] }),
    /** Where the answer was given: it counts once in progress and in the schedule wherever. */
    source: text('source', { enum: ATTEMPT_SOURCES }).notNull().default('practice'),
    /**
     * False when a request or design answer failed a check its family marks essential: it
     * counts as wrong for the schedule and readiness whatever its partial score. Null for
     * kinds without checks and for attempts stored before this existed.
     */
    essentialPassed: integer('essential_passed', { mode: 'boolean' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('attempts_profile_created_idx').on(table.profileId, table.createdAt),
    index('attempts_scenario_idx').on(table.scenarioId),
    index('attempts_profile_scenario_idx').on(table.profileId, table.scenarioId, table.id),
  ],
);

/**
 * The spaced-review card of one family for one learner: ts-fsrs's Card, column for column.
 * Every review serves a fresh seed, so the card schedules the skill, not a variant.
 */
export const reviewCards = sqliteTable(
  'review_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    due: integer('due', { mode: 'timestamp_ms' }).notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull(),
    lastReview: integer('last_review', { mode: 'timestamp_ms' }),
    /** The seed served last, so the next review serves another. */
    lastSeed: integer('last_seed'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('review_cards_profile_scenario_idx').on(table.profileId, table.scenarioId),
    index('review_cards_profile_due_idx').on(table.profileId, table.due),
  ],
);

/** A learner's study settings; a profile without a row has the defaults. */
export const studySettings = sqliteTable('study_settings', {
  profileId: integer('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  /** FSRS's requested retention, 0.7..0.97. */
  targetRetention: real('target_retention').notNull().default(0.9),
  /** New families a review session offers per day once the due queue is empty. */
  newPerDay: integer('new_per_day').notNull().default(10),
});

/** A timed mock exam. The deadline is kept here, so a reload or a restart resumes it. */
export const exams = sqliteTable(
  'exams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['running', 'submitted'] }).notNull(),
    /** An area id, or null for the whole guide. */
    area: text('area'),
    kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
    questionCount: integer('question_count').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    /** 0..1; AWS's associate exams pass at 720 of 1000. */
    passMark: real('pass_mark').notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    /** True when the time ran out and the exam was submitted with what was answered. */
    timedOut: integer('timed_out', { mode: 'boolean' }).notNull().default(false),
    /** Mean score 0..1, set on submission. */
    score: real('score'),
  },
  (table) => [index('exams_profile_started_idx').on(table.profileId, table.startedAt)],
);

export const examQuestions = sqliteTable(
  'exam_questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    examId: integer('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    /** 1-based order in the exam. */
    position: integer('position').notNull(),
    scenarioId: text('scenario_id').notNull(),
    seed: integer('seed').notNull(),
    area: text('area').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    /** The answer as given so far; saved as it is given, graded only at submission. */
    answer: text('answer', { mode: 'json' }).$type<unknown>(),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    /** Seconds spent on this question, summed over visits. */
    secondsSpent: integer('seconds_spent').notNull().default(0),
    /** The graded attempt, stored at submission. */
    attemptId: integer('attempt_id').references(() => attempts.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('exam_questions_exam_position_idx').on(table.examId, table.position)],
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
    /** open until an author triages it: resolved (the file was fixed) or dismissed; closed is the older word for either. */
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('open'),
    /** The author's note when triaging: what was changed, or why nothing was. */
    triageNote: text('triage_note'),
    triagedAt: integer('triaged_at', { mode: 'timestamp_ms' }),
    triagedByUserId: integer('triaged_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('question_reports_profile_variant_message_idx').on(table.profileId, table.scenarioId, table.seed, table.message)],
);

/**
 * An account's credentials for its own DynamoDB sandbox on /dynamodb. SigV4 signs with the
 * secret itself, so the server must keep it readable (as AWS IAM does); it is shown only on
 * the account page and can be rotated there.
 */
export const sandboxKeys = sqliteTable('sandbox_keys', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** `AKIA…`-shaped, unique, and never one an anonymous sandbox can use. */
  accessKeyId: text('access_key_id').notNull().unique(),
  secretAccessKey: text('secret_access_key').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * An account's DynamoDB sandbox, saved whole after it changes, so a restart or another instance
 * serves the same tables. `version` counts saves: an instance holding an older copy reloads it,
 * and a save from a copy that is no longer the latest is refused (another instance saved first).
 */
export const sandboxSnapshots = sqliteTable('sandbox_snapshots', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  /** The engine's snapshot of the sandbox, compressed. */
  snapshot: blob('snapshot', { mode: 'buffer' }).notNull(),
  /** Its size before compression, for the cap and the account page. */
  bytes: integer('bytes').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Log-in and sign-up attempts counted in fixed windows, shared by every instance on this
 * database (a limit kept in one instance's memory would multiply by the number of instances).
 */
export const rateLimitWindows = sqliteTable('rate_limit_windows', {
  /** The rule and what it counts, e.g. `auth-address:203.0.113.7`. */
  key: text('key').primaryKey(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  count: integer('count').notNull(),
});
