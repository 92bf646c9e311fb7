/**
 * What every registered rule is made of: its declared inputs, the error a wrong input raises, and
 * readers that check one input against its declaration. Kept apart from registry.ts so that rule
 * modules can build their entries without importing the list that imports them.
 */
export type RuleValue = string | number | boolean;
export type RuleInputs = Readonly<Record<string, RuleValue | undefined>>;

/** One input: a word from a fixed list, a number at least `min`, or a yes/no flag. */
export type RuleInput =
  | { readonly name: string; readonly kind: 'enum'; readonly values: readonly string[]; readonly default?: string }
  | { readonly name: string; readonly kind: 'number'; readonly min: number }
  | { readonly name: string; readonly kind: 'flag'; readonly default?: boolean };

export interface Rule {
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly RuleInput[];
  /** What apply returns; `best` is the key. */
  readonly outputs: readonly string[];
  apply(inputs: RuleInputs): Record<string, RuleValue>;
}

/** An input missing or outside what the rule accepts; the message names the rule and the input. */
export class RuleInputError extends RangeError {
  override readonly name = 'RuleInputError';
}

export function readEnum<T extends string>(rule: string, inputs: RuleInputs, name: string, values: readonly T[], fallback?: T): T {
  const value = inputs[name] ?? fallback;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new RuleInputError(`Rule ${rule}: input ${name} must be one of ${values.join(', ')}, not ${value === undefined ? 'missing' : JSON.stringify(value)}`);
}

export function readCount(rule: string, inputs: RuleInputs, name: string, min: number): number {
  const value = inputs[name];
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  throw new RuleInputError(`Rule ${rule}: input ${name} must be a number of at least ${min}, not ${value === undefined ? 'missing' : JSON.stringify(value)}`);
}

export function readFlag(rule: string, inputs: RuleInputs, name: string, fallback?: boolean): boolean {
  const value = inputs[name] ?? fallback;
  if (typeof value === 'boolean') return value;
  throw new RuleInputError(`Rule ${rule}: input ${name} must be true or false, not ${value === undefined ? 'missing' : JSON.stringify(value)}`);
}
