/**
 * The safety net for moving content between TypeScript and markdown (issue 12): every
 * family's variants rendered into canonical JSON — the prompt, the options in display order
 * with their ids, correctness and whys, the numeric key with its unit, the hands-on reference,
 * the explanation — and a comparer that names every difference, variant by variant.
 *
 * A snapshot is JSON Lines: one header line, then one line per (family, seed), in family order
 * then seed order. 141 families at 500 seeds is ~70,000 lines; one JSON document of that size
 * would be a single string of hundreds of megabytes.
 */
import { referenceJson } from '../../app/grading/hands-on.ts';
import type { LoadedBank } from '../../app/bank/index.ts';

export interface SnapshotOption {
  readonly id: string;
  readonly html: string;
  readonly correct: boolean;
  readonly why: string;
}

/** One variant, with everything a learner can see before or after answering. */
export interface VariantSnapshot {
  readonly id: string;
  readonly seed: number;
  readonly kind: string;
  readonly prompt: string;
  readonly options?: readonly SnapshotOption[];
  readonly choose?: number;
  /** The numeric key, its unit and tolerance; for request and design, the reference as JSON. */
  readonly key?: number | string;
  readonly unit?: string;
  readonly tolerance?: number;
  readonly explanation: string;
  /** Set instead of the rest when the variant fails to generate (then that failure is compared). */
  readonly error?: string;
}

export interface SnapshotHeader {
  readonly snapshot: 'variants';
  readonly seeds: number;
  readonly families: number;
}

/** Seeds 0..seeds-1, as content:check uses. */
export function snapshotVariant(bank: LoadedBank, id: string, seed: number): VariantSnapshot {
  let instance: ReturnType<LoadedBank['instance']>;
  try {
    instance = bank.instance(id, seed);
  } catch (error) {
    return { id, seed, kind: bank.get(id)?.kind ?? 'unknown', prompt: '', explanation: '', error: (error as Error).message };
  }
  const { variant, key, explanationHtml, whyHtml } = instance;
  const base = { id, seed, kind: variant.kind, prompt: variant.promptHtml };
  switch (key.kind) {
    case 'choice':
    case 'multi': {
      const correct = new Set(key.kind === 'choice' ? [key.correct] : key.correct);
      const options = 'options' in variant ? variant.options : [];
      return {
        ...base,
        options: options.map((o) => ({ id: o.id, html: o.html, correct: correct.has(o.id), why: whyHtml.get(o.id) ?? '' })),
        ...(key.kind === 'multi' ? { choose: key.choose } : {}),
        explanation: explanationHtml,
      };
    }
    case 'numeric':
      return { ...base, key: key.calculation.value, unit: key.unit, tolerance: key.tolerance, explanation: explanationHtml };
    case 'request':
    case 'design':
      return { ...base, key: referenceJson(key), explanation: explanationHtml };
  }
}

/** Every family (sorted by id) at seeds 0..seeds-1, as lines of JSON, header first. */
export function* snapshotLines(bank: LoadedBank, seeds: number, only?: ReadonlySet<string>): Generator<string> {
  const ids = bank.scenarios
    .map((s) => s.id as string)
    .filter((id) => only === undefined || only.has(id))
    .sort();
  const header: SnapshotHeader = { snapshot: 'variants', seeds, families: ids.length };
  yield JSON.stringify(header);
  for (const id of ids) for (let seed = 0; seed < seeds; seed++) yield JSON.stringify(snapshotVariant(bank, id, seed));
}

/** One difference between two snapshots of the same variant (or a variant only one has). */
export interface SnapshotDifference {
  readonly id: string;
  readonly seed: number;
  /** `key`, `options`, `prompt`, `why`, `explanation`, `missing`... */
  readonly field: string;
  /** A key change: a different right answer or figure (the one kind of change never allowed). */
  readonly keyChange: boolean;
  readonly before: string;
  readonly after: string;
}

export interface SnapshotComparison {
  readonly compared: number;
  /** Variants with at least one difference. */
  readonly differing: number;
  readonly keyChanges: number;
  readonly differences: readonly SnapshotDifference[];
  /** Per family: variants differing, by field. */
  readonly byFamily: ReadonlyMap<string, { variants: number; fields: Set<string>; keyChanges: number }>;
}

const keyOf = (v: VariantSnapshot): string => `${v.id}\u0000${v.seed}`;

/** The right answer of a variant in a form independent of option order and wording. */
function answerOf(v: VariantSnapshot): string {
  if (v.error !== undefined) return `error: ${v.error}`;
  if (v.options)
    return v.options
      .filter((o) => o.correct)
      .map((o) => o.id)
      .sort()
      .join(',');
  return `${String(v.key)} ${v.unit ?? ''} ±${v.tolerance ?? 0}`;
}

/** Every field that differs between two snapshots of one variant. */
export function compareVariant(before: VariantSnapshot, after: VariantSnapshot): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const add = (field: string, b: unknown, a: unknown, keyChange = false): void => {
    const bs = typeof b === 'string' ? b : JSON.stringify(b);
    const as = typeof a === 'string' ? a : JSON.stringify(a);
    if (bs !== as) out.push({ id: before.id, seed: before.seed, field, keyChange, before: bs, after: as });
  };
  add('key', answerOf(before), answerOf(after), true);
  add('kind', before.kind, after.kind, true);
  add('choose', before.choose, after.choose, true);
  add('prompt', before.prompt, after.prompt);
  add(
    'options',
    (before.options ?? []).map((o) => `${o.id}: ${o.html}`),
    (after.options ?? []).map((o) => `${o.id}: ${o.html}`),
  );
  const whys = (v: VariantSnapshot): Record<string, string> => Object.fromEntries((v.options ?? []).map((o) => [o.id, o.why]));
  const wb = whys(before);
  const wa = whys(after);
  for (const id of new Set([...Object.keys(wb), ...Object.keys(wa)])) add(`why:${id}`, wb[id] ?? '', wa[id] ?? '');
  add('explanation', before.explanation, after.explanation);
  return out;
}

/** Compare two snapshots given as lines (header first); variants are matched by (id, seed). */
export function compareSnapshots(beforeLines: Iterable<string>, afterLines: Iterable<string>): SnapshotComparison {
  const parse = (lines: Iterable<string>): Map<string, VariantSnapshot> => {
    const map = new Map<string, VariantSnapshot>();
    let first = true;
    for (const line of lines) {
      if (line.trim() === '') continue;
      const value = JSON.parse(line) as VariantSnapshot | SnapshotHeader;
      if (first) {
        first = false;
        if ('snapshot' in value) continue;
      }
      const v = value as VariantSnapshot;
      map.set(keyOf(v), v);
    }
    return map;
  };
  const before = parse(beforeLines);
  const after = parse(afterLines);
  const differences: SnapshotDifference[] = [];
  let compared = 0;
  let differing = 0;
  for (const [k, b] of before) {
    const a = after.get(k);
    compared++;
    const found = a === undefined ? [{ id: b.id, seed: b.seed, field: 'missing', keyChange: true, before: 'present', after: 'missing' }] : compareVariant(b, a);
    if (found.length > 0) differing++;
    differences.push(...found);
  }
  for (const [k, a] of after) {
    if (before.has(k)) continue;
    compared++;
    differing++;
    differences.push({ id: a.id, seed: a.seed, field: 'added', keyChange: false, before: 'missing', after: 'present' });
  }
  const byFamily = new Map<string, { variants: number; fields: Set<string>; keyChanges: number }>();
  const seen = new Set<string>();
  for (const d of differences) {
    const entry = byFamily.get(d.id) ?? { variants: 0, fields: new Set<string>(), keyChanges: 0 };
    byFamily.set(d.id, entry);
    const vk = `${d.id}\u0000${d.seed}`;
    if (!seen.has(vk)) {
      seen.add(vk);
      entry.variants++;
    }
    entry.fields.add(d.field.startsWith('why:') ? 'why' : d.field);
    if (d.keyChange) entry.keyChanges++;
  }
  return { compared, differing, keyChanges: differences.filter((d) => d.keyChange).length, differences, byFamily };
}
