/**
 * The environment, parsed once. Nothing else in the app reads `process.env`: everything that
 * varies between machines arrives here, is checked, and is passed on as plain values.
 */
import { z } from 'zod';

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/app.db'),
  CONTENT_DIR: z.string().min(1).default('content'),
});
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
