/**
 * Item size with its working, attribute by attribute, for learners. The sizing rules
 * themselves live in engine/values/item-size.ts; this only explains them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
import type { Calculation, Step } from '../calculation.ts';
import type { AttributeValue, Item } from '../values/attribute-value.ts';
import { attributeSizes, itemSize } from '../values/item-size.ts';
import { formatBytes, formatNumber } from './format.ts';
import { itemReadUnits } from './read-units.ts';
import type { ReadConsistency } from './units.ts';
import { itemWriteUnits } from './write-units.ts';

const TYPE_RULES: Readonly<Record<string, string>> = {
  S: 'UTF-8 bytes',
  N: '1 byte per 2 significant digits + 1',
  B: 'raw bytes',
  BOOL: '1 byte',
  NULL: '1 byte',
  L: '3 bytes + 1 per element + elements',
  M: '3 bytes + 1 per member + names and values',
  SS: 'sum of the strings',
  NS: 'sum of the numbers',
  BS: 'sum of the binaries',
};

/**
 * AWS's documented size of a number: "approximately 1 byte per two significant digits, + 1".
 * The engine sizes numbers by the measured rule (digit pairs aligned on the decimal point, + 1
 * for a negative); the two agree for most numbers but not for e.g. 3.14159 (4 vs 5) or -42.
 */
export function documentedNumberSize(n: string): number {
  const digits = n
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return digits.length === 0 ? 1 : Math.ceil(digits.length / 2) + 1;
}

function typeRule(value: AttributeValue, valueBytes: number): string {
  const type = Object.keys(value)[0] ?? '';
  if ('N' in value && documentedNumberSize(value.N) !== valueBytes) {
    // Say which rule gave the figure, so the working never contradicts the documented formula.
    return `N: digit pairs aligned on the decimal point + 1, as measured; AWS's approximate rule gives ${documentedNumberSize(value.N)}`;
  }
  return `${type}: ${TYPE_RULES[type] ?? 'value'}`;
}

/** Bytes of an item: each attribute's name (UTF-8) plus its value. */
export function itemSizeCalculation(args: { item: Item }): Calculation {
  const steps: Step[] = attributeSizes(args.item).map(({ name, nameBytes, valueBytes }) => {
    return {
      label: `"${name}" (${typeRule(args.item[name]!, valueBytes)})`,
      formula: `${nameBytes} (name) + ${formatNumber(valueBytes)} (value)`,
      value: formatBytes(nameBytes + valueBytes),
    };
  });
  const value = itemSize(args.item);
  steps.push({ label: 'Add up every attribute', value: formatBytes(value) });
  return { value, unit: 'B', steps };
}

/** WCU for one write of an item given as DynamoDB JSON: its size, then 1 KB blocks. */
export function itemJsonWriteUnits(args: { item: Item; transactional: boolean }): Calculation {
  const size = itemSizeCalculation({ item: args.item });
  const units = itemWriteUnits({ itemBytes: size.value, transactional: args.transactional });
  return { value: units.value, unit: 'WCU', steps: [...size.steps, ...units.steps] };
}

/** RCU for one read of an item given as DynamoDB JSON: its size, then 4 KB blocks. */
export function itemJsonReadUnits(args: { item: Item; consistency: ReadConsistency }): Calculation {
  const size = itemSizeCalculation({ item: args.item });
  const units = itemReadUnits({ itemBytes: size.value, consistency: args.consistency });
  return { value: units.value, unit: 'RCU', steps: [...size.steps, ...units.steps] };
}
