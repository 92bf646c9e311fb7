/**
 * The environment, parsed once. Nothing else in the app reads `process.env`: everything that
 * varies between machines arrives here, is checked, and is passed on as plain values.
 */
import { z } from 'zod';
import { isPostgresUrl } from './db/connection.ts';

const BooleanSetting = z.enum(['true', 'false', '1', '0'], { error: 'Use true or false.' }).transform((value) => value === 'true' || value === '1');
const PerWindow = z.coerce.number().int().min(1).max(1_000_000);

/** Loopback only: 127.0.0.0/8, ::1, localhost. Anywhere else the app is presumably behind HTTPS. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_PATH: z.string().min(1).default('data/app.db'),
    /** A PostgreSQL database instead of the SQLite file; wins over DATABASE_PATH. Empty is unset. */
    DATABASE_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().refine(isPostgresUrl, { error: 'Use a postgres:// (or postgresql://) URL.' }).optional(),
    ),
    CONTENT_DIR: z.string().min(1).default('content'),
    /** Unset: on unless HOST is loopback. */
    COOKIE_SECURE: BooleanSetting.optional(),
    TRUST_PROXY: BooleanSetting.default(false),
    RATE_LIMIT_AUTH_PER_ADDRESS: PerWindow.default(30),
    RATE_LIMIT_AUTH_PER_USERNAME: PerWindow.default(10),
    RATE_LIMIT_AUTH_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    RATE_LIMIT_ANSWERS_PER_MINUTE: PerWindow.default(60),
    /** `local` lifts the per-key and per-address request rates of /dynamodb, for one developer using it as a local DynamoDB. */
    DYNAMODB_PROFILE: z.enum(['shared', 'local'], { error: 'Use shared or local.' }).default('shared'),
    /** Item bytes all /dynamodb sandboxes may hold together. */
    DYNAMODB_MAX_TOTAL_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .default(256 * 1024 * 1024),
    /** /dynamodb requests served at once; more are answered with ThrottlingException. */
    DYNAMODB_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100_000).default(64),
    /** /dynamodb requests per second from one client address. */
    DYNAMODB_REQUESTS_PER_ADDRESS: PerWindow.default(2000),
    /** /dynamodb requests per second for one access key id. */
    DYNAMODB_REQUESTS_PER_KEY: PerWindow.default(1000),
    /** Tables one sandbox (one access key id) may hold. */
    DYNAMODB_TABLES_PER_SANDBOX: z.coerce.number().int().min(1).max(100_000).default(50),
    /** Item bytes one sandbox may hold across its tables. */
    DYNAMODB_BYTES_PER_SANDBOX: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .default(10 * 1024 * 1024),
    /** Anonymous sandboxes (any key id that is not an account's) kept at once. */
    DYNAMODB_ANONYMOUS_SANDBOXES: z.coerce.number().int().min(1).max(100_000).default(50),
    /** New anonymous sandboxes one client address may start per 10 minutes (app/routes/dynamodb/sandboxes.ts). */
    DYNAMODB_NEW_SANDBOXES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
    /**
     * Account sandboxes: `always` re-reads the saved version before each request and saves each
     * change before answering (several instances on one database); `off` saves at most once a second
     * (one instance). Unset: always on PostgreSQL, off on SQLite (app/routes/dynamodb/sandbox-store.ts).
     */
    DYNAMODB_SANDBOX_SYNC: z.enum(['always', 'off'], { error: 'Use always or off.' }).optional(),
    /** A saved sandbox's snapshot above this many bytes (uncompressed JSON) is not saved; the request still succeeds. */
    DYNAMODB_SNAPSHOT_MAX_BYTES: z.coerce.number().int().positive().optional(),
    /**
     * Worker processes on one port (app/cluster.ts): a number, or `auto` for one per core. The
     * DynamoDB sandboxes live in worker 1; the others pass sandbox requests to it.
     */
    WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], { error: 'Use a number from 1 to 64, or auto.' }).default(1),
    /** /authoring may write scenario files into CONTENT_DIR: off unless the operator says so. */
    AUTHORING_WRITE: BooleanSetting.default(false),
  })
  .transform((env) => ({ ...env, COOKIE_SECURE: env.COOKIE_SECURE ?? !isLoopbackHost(env.HOST) }));
export type Env = z.infer<typeof EnvSchema>;

/** Throws with every bad variable named, so start-up fails loudly instead of half-working. */
export function parseEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${reasons.join('; ')}`);
  }
  return parsed.data;
}
