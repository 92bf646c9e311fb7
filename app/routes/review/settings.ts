/**
 * The study settings as the review page's form and PUT /api/review/settings take them: one
 * schema each, the same bounds and messages, so a bad value is refused in the same words.
 */
import { z } from 'zod';
import { MAX_TARGET_RETENTION, MIN_TARGET_RETENTION } from '../../progress/review-schedule.ts';
import type { StudySettings } from '../../progress/review-cards.ts';
import { InvalidInputError } from '../request-errors.ts';
import { MAX_NEW_PER_DAY } from './view.tsx';

const NEW_PER_DAY_MESSAGE = `Enter a whole number from 0 to ${MAX_NEW_PER_DAY}.`;
const RETENTION_MESSAGE = `Enter a fraction from ${MIN_TARGET_RETENTION.toFixed(2)} to ${MAX_TARGET_RETENTION.toFixed(2)}, such as 0.90.`;

export const newPerDaySchema = z
  .number({ error: NEW_PER_DAY_MESSAGE })
  .int(NEW_PER_DAY_MESSAGE)
  .min(0, NEW_PER_DAY_MESSAGE)
  .max(MAX_NEW_PER_DAY, NEW_PER_DAY_MESSAGE);
export const targetRetentionSchema = z
  .number({ error: RETENTION_MESSAGE })
  .min(MIN_TARGET_RETENTION, RETENTION_MESSAGE)
  .max(MAX_TARGET_RETENTION, RETENTION_MESSAGE);

/** A form field as a number: blank or not a plain decimal is refused, not read as 0. */
const formNumber = (schema: z.ZodNumber, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^-?(\d+\.?\d*|\.\d+)$/, message)
    .transform(Number)
    .pipe(schema);

const SettingsFormSchema = z.object({
  newPerDay: formNumber(newPerDaySchema, NEW_PER_DAY_MESSAGE),
  targetRetention: formNumber(targetRetentionSchema, RETENTION_MESSAGE),
});

export function parseSettingsForm(body: Record<string, unknown>): StudySettings {
  const parsed = SettingsFormSchema.safeParse(body);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  return parsed.data;
}
