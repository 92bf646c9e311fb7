/**
 * Reading the question form: one zod parse of the posted fields, then the answer shaped for
 * the variant's kind. Every failure names the form field, so the 400 page can say which.
 */
import { z } from 'zod';
import type { Answer, Variant } from '../../bank/types.ts';
import { CONFIDENCES, type Confidence } from '../../progress/rating.ts';
import { InvalidInputError } from '../request-errors.ts';

const FormValueSchema = z.union([z.string(), z.array(z.string())]).optional();

export const AnswerFormSchema = z.object({
  token: z.string({ error: 'Missing: reload the question and answer again.' }).min(8, 'Too short: reload the question.').max(100, 'Too long.'),
  shownAt: z.coerce.number().int().nonnegative().optional().catch(undefined),
  option: FormValueSchema,
  options: FormValueSchema,
  value: FormValueSchema,
  json: FormValueSchema,
  area: z.string().optional(),
  objective: z.string().optional(),
  /** Optional: left unpicked (or posted empty) means the learner did not say. */
  confidence: z
    .preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(CONFIDENCES as [Confidence, ...Confidence[]], { error: 'Choose sure, unsure or guess, or leave it unpicked.' }).optional(),
    )
    .transform((value) => value ?? null),
});
export type AnswerForm = z.infer<typeof AnswerFormSchema>;

export interface ParsedAnswerForm {
  readonly answer: Answer;
  readonly token: string;
  readonly shownAt: number | undefined;
  readonly confidence: Confidence | null;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function allValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Accepts what people type for a number: spaces and underscores are ignored ("1 000 000"), and
 * commas only where they group thousands ("1,234.5"), so a decimal comma ("1,5") is refused
 * rather than read as 15. Undefined when it is not a number.
 */
export function parseNumberInput(text: string): number | undefined {
  const spaced = text.trim().replace(/[\s_]/g, '');
  if (spaced.includes(',') && !/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(spaced)) return undefined;
  const compact = spaced.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return undefined;
  const value = Number(compact);
  return Number.isFinite(value) ? value : undefined;
}

export function parseAnswerForm(variant: Variant, body: Record<string, unknown>): ParsedAnswerForm {
  const parsed = AnswerFormSchema.safeParse(body);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  const form = parsed.data;
  return { answer: readAnswer(variant, form), token: form.token, shownAt: form.shownAt, confidence: form.confidence };
}

function readAnswer(variant: Variant, form: AnswerForm): Answer {
  switch (variant.kind) {
    case 'choice': {
      const optionId = firstValue(form.option);
      if (!optionId) throw new InvalidInputError('option', 'Choose one of the options.');
      if (!variant.options.some((o) => o.id === optionId)) throw new InvalidInputError('option', `"${optionId}" is not one of this question's options.`);
      return { kind: 'choice', optionId };
    }
    case 'multi': {
      const optionIds = [...new Set(allValues(form.options))];
      if (optionIds.length === 0) throw new InvalidInputError('options', `Choose ${variant.choose} options.`);
      const unknown = optionIds.find((id) => !variant.options.some((o) => o.id === id));
      if (unknown !== undefined) throw new InvalidInputError('options', `"${unknown}" is not one of this question's options.`);
      return { kind: 'multi', optionIds };
    }
    case 'numeric': {
      const text = firstValue(form.value)?.trim() ?? '';
      if (text === '') throw new InvalidInputError('value', `Enter a number (in ${variant.unit}).`);
      const value = parseNumberInput(text);
      if (value === undefined) throw new InvalidInputError('value', `"${text}" is not a number; enter digits such as 42 or 0.5 (a dot for decimals).`);
      return { kind: 'numeric', value };
    }
    case 'request':
    case 'design': {
      const json = firstValue(form.json)?.trim() ?? '';
      if (json === '') throw new InvalidInputError('json', 'Write your answer as JSON.');
      return { kind: variant.kind, json };
    }
  }
}
