/**
 * What the advice derivers share: the shape the question bank calls them with (kept here so
 * the engine imports nothing from app/), reading typed values out of generated parameters, and
 * laying derived options into lettered slots.
 */

export type ScenarioValue = string | number | boolean;
export type ScenarioParams = Readonly<Record<string, ScenarioValue>>;

/** The bank's seeded random source (app/bank/random.ts), as far as derivers use it. */
export interface ScenarioRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** A named rule set that adds parameters (option texts, the key, the reasons) to a variant. */
export interface ScenarioDeriver {
  readonly name: string;
  readonly description: string;
  readonly outputs: readonly string[];
  derive(params: ScenarioParams, random: ScenarioRandom): Record<string, ScenarioValue>;
}

export class MissingParamError extends Error {
  override readonly name = 'MissingParamError';
}

export function readString(params: ScenarioParams, name: string): string {
  const value = params[name];
  if (value === undefined) throw new MissingParamError(`The deriver needs parameter ${name}`);
  return String(value);
}

export function readNumber(params: ScenarioParams, name: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new MissingParamError(`The deriver needs numeric parameter ${name}`);
  return value;
}

/** An option a deriver proposes: its text, why it is right or wrong, and whether it is right. */
export interface DerivedOption {
  readonly text: string;
  readonly why: string;
  readonly correct: boolean;
  /** More values of the slot, each output as `<name>_<slot>` (a figure the markdown words). */
  readonly values?: Readonly<Record<string, ScenarioValue>>;
}

export const SLOTS = ['a', 'b', 'c', 'd', 'e'] as const;

/**
 * What a slot deriver calls each slot's two values. A deriver that returns values for the
 * markdown to word (content/README.md: `texts:` with `each:`) names them for what they hold.
 */
export interface SlotNames {
  readonly text: string;
  readonly why: string;
}
const OPTION_SLOTS: SlotNames = { text: 'opt', why: 'why' };

/** Output names of a slot deriver with `count` slots: opt_a, why_a, ..., correct, correct_1, .... */
export function slotOutputs(count: number, extra: readonly string[] = [], names: SlotNames = OPTION_SLOTS): string[] {
  const slotted = SLOTS.slice(0, count).flatMap((s) => [`${names.text}_${s}`, `${names.why}_${s}`]);
  const keys = SLOTS.slice(0, count).map((_, i) => `correct_${i + 1}`);
  return [...slotted, 'correct', ...keys, ...extra];
}

/**
 * Put options into slots a..e in a seeded order, so the slot of the right option varies and
 * its id tells nothing. `correct` is the slot letter (choice) or letters joined by commas
 * (multi: content lists them as `correct_1`, `correct_2`).
 */
export function fillSlots(options: readonly DerivedOption[], random: ScenarioRandom, names: SlotNames = OPTION_SLOTS): Record<string, ScenarioValue> {
  if (options.length > SLOTS.length) throw new RangeError(`At most ${SLOTS.length} options, got ${options.length}`);
  const texts = new Set(options.map((o) => o.text));
  if (texts.size !== options.length) throw new RangeError(`Two derived options read the same: ${options.map((o) => o.text).join(' | ')}`);
  const out: Record<string, ScenarioValue> = {};
  const correct: string[] = [];
  random.shuffle(options).forEach((option, i) => {
    const slot = SLOTS[i]!;
    out[`${names.text}_${slot}`] = option.text;
    out[`${names.why}_${slot}`] = option.why;
    for (const [name, value] of Object.entries(option.values ?? {})) out[`${name}_${slot}`] = value;
    if (option.correct) correct.push(slot);
  });
  if (correct.length === 0) throw new RangeError('No derived option is marked correct');
  out.correct = correct.join(',');
  correct.forEach((slot, i) => {
    out[`correct_${i + 1}`] = slot;
  });
  return out;
}

/** `n` distinct items of a list, in a seeded order. */
export function pickSome<T>(random: ScenarioRandom, items: readonly T[], n: number): T[] {
  if (n > items.length) throw new RangeError(`Cannot pick ${n} of ${items.length}`);
  return random.shuffle(items).slice(0, n);
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * 1,250,000 and 2.5: thousands separators, at most one decimal. One shared formatter, because
 * toLocaleString builds a new one per call and generation calls it thousands of times.
 */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
