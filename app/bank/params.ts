/**
 * Parameters: generating a variant's values from the seed, and counting how many distinct
 * combinations a family's parameters allow.
 */
import { evaluateArithmetic } from './arithmetic.ts';
import type { Random } from './random.ts';
import type { ParamSpec } from './schema.ts';
import { fillText, findPlaceholders } from './template.ts';
import type { ParamValue } from './types.ts';

/** Decimal places of a step such as 0.05, so 0.1 + 0.2 prints as 0.3. */
function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** The names a parameter binds: `company` binds `company.name` too when picked from objects. */
export function boundNames(name: string, spec: ParamSpec): string[] {
  if ('pick' in spec) {
    const names = new Set<string>([name]);
    for (const choice of spec.pick) {
      if (typeof choice === 'object') for (const field of Object.keys(choice)) names.add(`${name}.${field}`);
    }
    return [...names];
  }
  return [name];
}

/** A problem with a spec that the schema cannot see: empty ranges, calc referring forward. */
export function checkParamSpec(name: string, spec: ParamSpec, earlier: ReadonlySet<string>): string | undefined {
  if ('int' in spec || 'range' in spec) {
    const [min, max] = 'int' in spec ? spec.int : spec.range;
    if (typeof min === 'number' && typeof max === 'number' && min > max) return `Parameter ${name}: min ${min} is above max ${max}`;
    const unbound = [min, max].flatMap((b) => (typeof b === 'string' ? findPlaceholders(b) : [])).find((p) => !earlier.has(p));
    if (unbound) return `Parameter ${name}: a bound uses {{${unbound}}}, which is not a parameter defined above it`;
  }
  if ('pick' in spec) {
    const objects = spec.pick.filter((c) => typeof c === 'object');
    if (objects.length > 0 && objects.length !== spec.pick.length) {
      return `Parameter ${name}: pick either all objects or no objects`;
    }
    const first = objects[0];
    if (first) {
      const fields = Object.keys(first).sort().join(',');
      const odd = objects.find((o) => Object.keys(o).sort().join(',') !== fields);
      if (odd) return `Parameter ${name}: every object in pick needs the same fields (${fields})`;
    }
  }
  if ('calc' in spec) {
    const unbound = findPlaceholders(spec.calc).find((p) => !earlier.has(p));
    if (unbound) return `Parameter ${name}: calc uses {{${unbound}}}, which is not a parameter defined above it`;
  }
  if ('pick' in spec) {
    const texts = spec.pick.flatMap((c) => (typeof c === 'object' ? Object.values(c) : [c])).filter((v) => typeof v === 'string');
    const unbound = texts.flatMap(findPlaceholders).find((p) => !earlier.has(p));
    if (unbound) return `Parameter ${name}: a choice uses {{${unbound}}}, which is not a parameter defined above it`;
  }
  return undefined;
}

/** Number of values one spec can take (1 for calc, which follows from the others). */
export function countValues(spec: ParamSpec): number {
  if ('int' in spec) {
    const [min, max] = spec.int;
    // Bounds from other parameters: counted once, as calc is, since they follow from those.
    return typeof min === 'number' && typeof max === 'number' ? Math.floor((max - min) / (spec.step ?? 1)) + 1 : 1;
  }
  if ('range' in spec) return Math.floor((spec.range[1] - spec.range[0]) / spec.step + 1e-9) + 1;
  if ('pick' in spec) return new Set(spec.pick.map((c) => JSON.stringify(c))).size;
  return 1;
}

/** Size of the parameter space: the product of each parameter's count. */
export function countParamSpace(specs: Readonly<Record<string, ParamSpec>>): number {
  return Object.values(specs).reduce((n, spec) => n * countValues(spec), 1);
}

/**
 * Generate every parameter in declaration order, drawing from `random`. `above` are parameters
 * already drawn (a case's fields are drawn after the parameters): placeholders may use them, and
 * they are returned with the new ones.
 */
export function generateParams(
  specs: Readonly<Record<string, ParamSpec>>,
  random: Random,
  above: Readonly<Record<string, ParamValue>> = {},
): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { ...above };
  for (const [name, spec] of Object.entries(specs)) {
    if ('int' in spec) {
      const step = spec.step ?? 1;
      const [min, max] = spec.int.map((b) => (typeof b === 'number' ? b : evaluateArithmetic(fillText(b, params, { raw: true })))) as [number, number];
      if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
        throw new RangeError(`Parameter ${name}: the bounds ${spec.int.join(', ')} give ${min} to ${max}, not whole numbers from low to high`);
      }
      params[name] = min + step * random.int(0, Math.floor((max - min) / step));
    } else if ('range' in spec) {
      const value = spec.range[0] + spec.step * random.int(0, countValues(spec) - 1);
      params[name] = Number(value.toFixed(Math.max(decimalsOf(spec.step), decimalsOf(spec.range[0]))));
    } else if ('pick' in spec) {
      // A picked text may use parameters defined above it; fill them in now, formatted for prose.
      const fill = (v: ParamValue): ParamValue => (typeof v === 'string' && v.includes('{{') ? fillText(v, params) : v);
      const choice = random.pick(spec.pick);
      if (typeof choice === 'object') {
        for (const [field, value] of Object.entries(choice)) params[`${name}.${field}`] = fill(value);
        params[name] = String(params[`${name}.${Object.keys(choice)[0]}`] ?? '');
      } else params[name] = fill(choice);
    } else {
      params[name] = evaluateArithmetic(fillText(spec.calc, params, { raw: true }));
    }
  }
  return params;
}
