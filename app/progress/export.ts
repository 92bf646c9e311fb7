/**
 * A learner's record out and back in. The JSON export carries every stored column an attempt
 * needs (with the variant, the grade and the fingerprint), so importing it into another
 * database shows the same result pages; the CSV is for spreadsheets and is not imported.
 * Import is idempotent by submission token, like answering.
 */
import { z } from 'zod';
import { sanitizeFragment } from '../bank/render.ts';
import type { Answer, GradeResult, Variant } from '../bank/types.ts';
import { type Db, inTransaction } from '../db/store.ts';
import { ATTEMPT_SOURCES } from '../db/schema.ts';
import { essentialChecksPassed } from './answers.ts';
import { type Attempt, insertAttempts, type NewAttempt } from './attempts.ts';
import { CONFIDENCES, type Confidence } from './rating.ts';
import { rebuildReviewCards } from './review-cards.ts';

export const EXPORT_FORMAT = 'dynamodb-study/attempts';
export const EXPORT_VERSION = 1;
/** Bounded by the import body limit anyway; this keeps one transaction's size sane. */
export const MAX_IMPORT_ROWS = 50_000;
/** A malformed file can have an issue per field; the first ones are enough to fix it. */
export const MAX_REPORTED_ISSUES = 50;

const MAX_SEED = 0xffffffff;
const VERDICTS = ['correct', 'partial', 'incorrect'] as const;

const ReferenceSchema = z.object({ title: z.string(), url: z.string() });
const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const ChoiceOptionSchema = z.object({ id: z.string().min(1), html: z.string() });

const VariantBaseSchema = z.object({
  scenarioId: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(MAX_SEED),
  title: z.string(),
  area: z.string(),
  objectives: z.array(z.string()),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  params: ParamsSchema,
  promptHtml: z.string(),
  references: z.array(ReferenceSchema),
});

const VariantSchema = z.discriminatedUnion('kind', [
  VariantBaseSchema.extend({ kind: z.literal('choice'), options: z.array(ChoiceOptionSchema) }),
  VariantBaseSchema.extend({ kind: z.literal('multi'), options: z.array(ChoiceOptionSchema), choose: z.number().int().min(1) }),
  VariantBaseSchema.extend({ kind: z.literal('numeric'), unit: z.string() }),
  VariantBaseSchema.extend({ kind: z.literal('request'), context: z.record(z.string(), z.unknown()) }),
  VariantBaseSchema.extend({ kind: z.literal('design'), context: z.record(z.string(), z.unknown()) }),
]);

const GradeBaseSchema = z.object({
  verdict: z.enum(VERDICTS),
  score: z.number().min(0).max(1),
  explanationHtml: z.string(),
  references: z.array(ReferenceSchema),
});
const OptionFeedbackSchema = z.object({ id: z.string().min(1), html: z.string(), correct: z.boolean(), chosen: z.boolean(), whyHtml: z.string() });
const StepSchema = z.object({ label: z.string(), formula: z.string().optional(), value: z.string() });
const CheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  weight: z.number(),
  detail: z.string().optional(),
  essential: z.boolean().optional(),
});
const RunSchema = z.looseObject({
  actions: z.array(z.string()).optional(),
  items: z.array(z.unknown()).optional(),
  capacity: z.number().optional(),
  error: z.string().optional(),
});
const DiffSchema = z.looseObject({ missing: z.array(z.unknown()).optional(), extra: z.array(z.unknown()).optional(), orderDiffers: z.boolean().optional() });
// The keys the result page reads from a hands-on grade's details, so an imported record
// cannot carry a shape the page would fail on; any other key is kept as it is.
const HandsOnDetailsSchema = z.looseObject({
  parseError: z.string().optional(),
  learner: RunSchema.optional(),
  expected: RunSchema.optional(),
  itemsDiff: DiffSchema.optional(),
  stateDiff: DiffSchema.optional(),
  error: z.string().optional(),
  patterns: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), capacity: z.number().optional(), detail: z.string() })).optional(),
  cost: z.looseObject({ mode: z.string(), monthlyUsd: z.number(), working: z.string() }).optional(),
});

const GradeResultSchema = z.discriminatedUnion('kind', [
  GradeBaseSchema.extend({ kind: z.literal('choice'), options: z.array(OptionFeedbackSchema) }),
  GradeBaseSchema.extend({ kind: z.literal('multi'), options: z.array(OptionFeedbackSchema), choose: z.number().int().min(1) }),
  GradeBaseSchema.extend({
    kind: z.literal('numeric'),
    given: z.number(),
    expected: z.number(),
    tolerance: z.number(),
    unit: z.string(),
    working: z.object({ value: z.number(), unit: z.string(), steps: z.array(StepSchema) }),
    misconception: z.object({ id: z.string(), name: z.string(), explanation: z.string(), value: z.number() }).optional(),
  }),
  GradeBaseSchema.extend({ kind: z.enum(['request', 'design']), checks: z.array(CheckSchema), details: HandsOnDetailsSchema }),
]);

const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), optionId: z.string().min(1) }),
  z.object({ kind: z.literal('multi'), optionIds: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('numeric'), value: z.number() }),
  z.object({ kind: z.literal('request'), json: z.string().min(1) }),
  z.object({ kind: z.literal('design'), json: z.string().min(1) }),
]);

/** One attempt as exported; import accepts exactly this. */
export const ExportedAttemptSchema = z
  .object({
    scenarioId: z.string().min(1).max(200),
    seed: z.number().int().min(0).max(MAX_SEED),
    /** The question's title when it was answered (or today's, for attempts stored before variants); not imported. */
    title: z.string().max(500).nullable(),
    area: z.string().min(1).max(100),
    objectives: z.array(z.string().min(1).max(100)),
    answer: AnswerSchema,
    verdict: z.enum(VERDICTS),
    score: z.number().min(0).max(1),
    secondsTaken: z.number().int().min(0).max(86_400).nullable(),
    answeredAt: z.iso.datetime({ offset: true }),
    submissionToken: z.string().min(8).max(100),
    params: ParamsSchema,
    /** Null for attempts stored before variants, grades and fingerprints were kept. */
    variant: VariantSchema.nullable(),
    result: GradeResultSchema.nullable(),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Expected the SHA-256 of the scenario file, 64 hex digits.')
      .nullable(),
    /** How sure the learner said they were; absent in exports made before it was kept. */
    confidence: z
      .enum(CONFIDENCES as [Confidence, ...Confidence[]])
      .nullable()
      .optional(),
    /** Where it was answered; absent in exports made before it was kept (practice). */
    source: z.enum(ATTEMPT_SOURCES).optional(),
  })
  .superRefine((row, ctx) => {
    // The parts of a record must describe one answer, or its result page would contradict itself.
    const mismatch = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    if (row.variant) {
      if (row.variant.scenarioId !== row.scenarioId) mismatch('variant.scenarioId', `Differs from the row's scenarioId "${row.scenarioId}".`);
      if (row.variant.seed !== row.seed) mismatch('variant.seed', `Differs from the row's seed ${row.seed}.`);
      if (row.variant.kind !== row.answer.kind) mismatch('variant.kind', `The answer is of kind ${row.answer.kind}.`);
    }
    if (row.result) {
      if (row.result.kind !== row.answer.kind) mismatch('result.kind', `The answer is of kind ${row.answer.kind}.`);
      if (row.result.verdict !== row.verdict) mismatch('result.verdict', `Differs from the row's verdict "${row.verdict}".`);
      if (row.result.score !== row.score) mismatch('result.score', `Differs from the row's score ${row.score}.`);
    }
    if ((row.variant === null) !== (row.result === null))
      mismatch(row.variant === null ? 'variant' : 'result', 'A record has both the variant and the result, or neither.');
  });
export type ExportedAttempt = z.infer<typeof ExportedAttemptSchema>;

export const AttemptsExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `Expected "${EXPORT_FORMAT}": import takes the JSON export of the progress page.` }),
  version: z.literal(EXPORT_VERSION, { error: `Only version ${EXPORT_VERSION} exports can be imported.` }),
  exportedAt: z.string().optional(),
  attempts: z.array(ExportedAttemptSchema).max(MAX_IMPORT_ROWS),
});
export type AttemptsExport = z.infer<typeof AttemptsExportSchema>;

// Stored rows are typed by the bank's readonly, branded types; their JSON is what the schemas describe.
export function toExportedAttempt(attempt: Attempt, fallbackTitle: string | undefined): ExportedAttempt {
  return {
    scenarioId: attempt.scenarioId,
    seed: attempt.seed,
    title: attempt.variant?.title ?? fallbackTitle ?? null,
    area: attempt.area,
    objectives: attempt.objectives,
    answer: attempt.answer as ExportedAttempt['answer'],
    verdict: attempt.verdict,
    score: attempt.score,
    secondsTaken: attempt.secondsTaken,
    answeredAt: attempt.createdAt.toISOString(),
    submissionToken: attempt.submissionToken,
    params: attempt.params,
    variant: (attempt.variant ?? null) as ExportedAttempt['variant'],
    result: (attempt.result ?? null) as ExportedAttempt['result'],
    fingerprint: attempt.fingerprint,
    confidence: attempt.confidence,
    source: attempt.source,
  };
}

/** `titleOf` names attempts stored before variants were kept (from today's bank). */
export function buildAttemptsExport(attempts: readonly Attempt[], titleOf: (scenarioId: string) => string | undefined, now: Date): AttemptsExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    attempts: attempts.map((a) => toExportedAttempt(a, titleOf(a.scenarioId))),
  };
}

// New columns go at the end, so a spreadsheet built on the earlier layout keeps its references.
export const CSV_COLUMNS = [
  'scenario_id',
  'seed',
  'title',
  'area',
  'objectives',
  'answer',
  'verdict',
  'score',
  'seconds_taken',
  'answered_at',
  'submission_token',
  'confidence',
  'source',
] as const;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/**
 * One field per RFC 4180 (quoted when it holds a comma, a quote or a line break; quotes
 * doubled). A text cell a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe, as OWASP's CSV-injection advice says; a plain
 * number such as -3 is left alone, as no spreadsheet reads it as a formula.
 */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The answer as a person reads it: an option id, ids separated by spaces, a number, the JSON. */
function answerText(answer: Answer): string {
  switch (answer.kind) {
    case 'choice':
      return answer.optionId;
    case 'multi':
      return answer.optionIds.join(' ');
    case 'numeric':
      return String(answer.value);
    case 'request':
    case 'design':
      return answer.json;
  }
}

/** A header row, then one row per attempt; CRLF line ends as RFC 4180 has them. */
export function attemptsToCsv(rows: readonly ExportedAttempt[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [
      r.scenarioId,
      String(r.seed),
      r.title ?? '',
      r.area,
      r.objectives.join(' '),
      answerText(r.answer),
      r.verdict,
      String(r.score),
      r.secondsTaken === null ? '' : String(r.secondsTaken),
      r.answeredAt,
      r.submissionToken,
      r.confidence ?? '',
      r.source ?? 'practice',
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A reason an import was refused: `row` is the index in `attempts` (from 0), null for the file as a whole. */
export interface ImportIssue {
  readonly row: number | null;
  readonly field: string;
  readonly message: string;
}

export type ParsedImport =
  | { readonly ok: true; readonly rows: readonly ExportedAttempt[] }
  | { readonly ok: false; readonly issues: readonly ImportIssue[]; readonly total: number };

export function describeImportIssues(error: z.ZodError): { issues: ImportIssue[]; total: number } {
  const issues = error.issues.map((issue): ImportIssue => {
    const [head, index, ...rest] = issue.path;
    if (head === 'attempts' && typeof index === 'number') return { row: index, field: rest.length > 0 ? rest.join('.') : 'row', message: issue.message };
    return { row: null, field: issue.path.length > 0 ? issue.path.join('.') : 'file', message: issue.message };
  });
  return { issues: issues.slice(0, MAX_REPORTED_ISSUES), total: issues.length };
}

/** Validates a parsed JSON value: every bad field of every row is reported, nothing is stored. */
export function parseAttemptsImport(input: unknown): ParsedImport {
  const parsed = AttemptsExportSchema.safeParse(input);
  if (parsed.success) return { ok: true, rows: parsed.data.attempts };
  return { ok: false, ...describeImportIssues(parsed.error) };
}

/** The text of an uploaded or pasted file. */
export function parseAttemptsImportText(text: string): ParsedImport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const csv = text.trimStart().startsWith('scenario_id,');
    const message = csv
      ? 'This is the CSV export; import takes the JSON export, which keeps each result page.'
      : `This is not JSON: ${(error as Error).message}`;
    return { ok: false, issues: [{ row: null, field: 'file', message }], total: 1 };
  }
  return parseAttemptsImport(value);
}

function sanitizeVariant(variant: Variant): Variant {
  const base = { ...variant, promptHtml: sanitizeFragment(variant.promptHtml) };
  return base.kind === 'choice' || base.kind === 'multi' ? { ...base, options: base.options.map((o) => ({ ...o, html: sanitizeFragment(o.html) })) } : base;
}

function sanitizeResult(result: GradeResult): GradeResult {
  const base = { ...result, explanationHtml: sanitizeFragment(result.explanationHtml) };
  return base.kind === 'choice' || base.kind === 'multi'
    ? { ...base, options: base.options.map((o) => ({ ...o, html: sanitizeFragment(o.html), whyHtml: sanitizeFragment(o.whyHtml) })) }
    : base;
}

/**
 * The row to store. HTML in an imported record passes the content sanitizer again: pages
 * insert it as markup, and a file from elsewhere is trusted no more than a scenario file.
 */
export function toNewAttempt(row: ExportedAttempt, profileId: number): NewAttempt {
  return {
    profileId,
    submissionToken: row.submissionToken,
    scenarioId: row.scenarioId,
    seed: row.seed,
    area: row.area,
    objectives: row.objectives,
    params: row.params,
    answer: row.answer,
    verdict: row.verdict,
    score: row.score,
    variant: row.variant ? sanitizeVariant(row.variant as unknown as Variant) : null,
    result: row.result ? sanitizeResult(row.result as unknown as GradeResult) : null,
    fingerprint: row.fingerprint,
    secondsTaken: row.secondsTaken,
    confidence: row.confidence ?? null,
    source: row.source ?? 'practice',
    // Derived from the grade, as answering derives it, so an imported failure still counts as wrong.
    essentialPassed: row.result ? essentialChecksPassed(row.result as unknown as GradeResult) : null,
    createdAt: new Date(row.answeredAt),
  };
}

export interface ImportSummary {
  /** Stored now. */
  readonly imported: number;
  /** Their submission tokens were already in this learner's record. */
  readonly alreadyThere: number;
  /** Row indexes whose submission token belongs to another learner: not stored. */
  readonly refusedRows: readonly number[];
}

/** Stores validated rows into a profile, in one transaction. */
export async function importAttempts(db: Db, profileId: number, rows: readonly ExportedAttempt[]): Promise<ImportSummary> {
  const outcomes = await inTransaction(db, async (tx) => {
    const stored = await insertAttempts(
      tx,
      rows.map((r) => toNewAttempt(r, profileId)),
    );
    // Imported answers move the schedule as if they had been given here, in their own order.
    await rebuildReviewCards(tx, profileId, [...new Set(rows.filter((_, i) => stored[i] === 'created').map((r) => r.scenarioId))]);
    return stored;
  });
  const refusedRows = outcomes.flatMap((o, i) => (o === 'refused' ? [i] : []));
  return { imported: outcomes.filter((o) => o === 'created').length, alreadyThere: outcomes.filter((o) => o === 'existing').length, refusedRows };
}
