/**
 * Applies a parsed UpdateExpression to an item. As in DynamoDB, every SET value is computed from
 * the item as it was before the update; the actions then run in order, and list elements named
 * by REMOVE are removed by their original positions (the highest index first), so
 * `REMOVE a[0], a[1]` removes the first two elements.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 */
import { ValidationException } from '../errors.ts';
import { newAttributeMap, type AttributeValue, type Item } from '../values/attribute-value.ts';
import { addNumbers, subtractNumbers } from '../values/number.ts';
import { attributeValueSize, utf8ByteLength } from '../values/item-size.ts';
import { checkItemSize, MAX_ITEM_SIZE, MAX_NESTING_DEPTH, VALUE_MESSAGES } from '../values/validate.ts';
import type { PathElement, PathNode, SetValue, UpdateNode } from './ast.ts';
import { resolvePath } from './evaluate.ts';
import { projectPaths } from './projection.ts';

export const UPDATE_MESSAGES = {
  invalidPath: 'The document path provided in the update expression is invalid for update',
  missingAttribute: 'The provided expression refers to an attribute that does not exist in the item',
  wrongType: 'An operand in the update expression has an incorrect data type',
  itemSize: 'Item size to update has exceeded the maximum allowed size',
  keyAttribute: (name: string) => `One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`,
} as const;

/** What an UpdateItem needs back: the new item and the updated attributes before and after. */
export interface UpdateResult {
  readonly item: Item;
  /** The updated paths as they were (ReturnValues UPDATED_OLD). */
  readonly updatedOld: Item;
  /** The updated paths as they are now (ReturnValues UPDATED_NEW). */
  readonly updatedNew: Item;
}

/** Refuses an update that touches a key attribute, with AWS's message. Call before reading the item. */
export function checkUpdateSparesKey(update: UpdateNode, keyAttributeNames: readonly string[]): void {
  for (const key of keyAttributeNames) {
    if (update.actions.some((action) => action.path.elements[0] === key)) {
      throw new ValidationException(UPDATE_MESSAGES.keyAttribute(key));
    }
  }
}

type Mutable = Record<string, unknown>;

function clone(v: AttributeValue): AttributeValue {
  if ('L' in v) return { L: v.L.map(clone) };
  if ('M' in v) {
    const M = newAttributeMap();
    for (const name in v.M) M[name] = clone(v.M[name]!);
    return { M };
  }
  return v;
}

function evaluateSetValue(value: SetValue, base: Item): AttributeValue {
  switch (value.kind) {
    case 'Value':
      return value.value;
    case 'Path': {
      const found = resolvePath(base, value.elements);
      if (found === undefined) throw new ValidationException(UPDATE_MESSAGES.missingAttribute);
      return found;
    }
    case 'IfNotExists':
      return resolvePath(base, value.path.elements) ?? evaluateSetValue(value.fallback, base);
    case 'ListAppend': {
      const left = evaluateSetValue(value.left, base);
      const right = evaluateSetValue(value.right, base);
      if (!('L' in left) || !('L' in right)) throw new ValidationException(UPDATE_MESSAGES.wrongType);
      return { L: [...left.L, ...right.L] };
    }
    case 'Arithmetic': {
      const left = evaluateSetValue(value.left, base);
      const right = evaluateSetValue(value.right, base);
      if (!('N' in left) || !('N' in right)) throw new ValidationException(UPDATE_MESSAGES.wrongType);
      return { N: value.operator === '+' ? addNumbers(left.N, right.N) : subtractNumbers(left.N, right.N) };
    }
  }
}

/** Levels of a value: 1 for a scalar or an empty list or map, 1 more per list or map around it. */
function levelsOf(v: AttributeValue): number {
  let deepest = 0;
  if ('L' in v) for (const element of v.L) deepest = Math.max(deepest, levelsOf(element));
  else if ('M' in v) for (const name in v.M) deepest = Math.max(deepest, levelsOf(v.M[name]!));
  else return 1;
  return deepest + 1;
}

/** The container that holds the last element of a path, or undefined when there is none. */
function parentOf(root: Mutable, elements: readonly PathElement[]): Mutable | AttributeValue[] | undefined {
  if (elements.length === 1) return root;
  let current: AttributeValue | undefined = root[elements[0] as string] as AttributeValue | undefined;
  for (let i = 1; i < elements.length - 1 && current !== undefined; i++) {
    const step = elements[i]!;
    if (typeof step === 'number') current = 'L' in current ? current.L[step] : undefined;
    else current = 'M' in current ? current.M[step] : undefined;
  }
  if (current === undefined) return undefined;
  const last = elements[elements.length - 1]!;
  if (typeof last === 'number') return 'L' in current ? (current.L as AttributeValue[]) : undefined;
  return 'M' in current ? (current.M as Mutable) : undefined;
}

function parentFor(root: Mutable, path: PathNode): { container: Mutable | AttributeValue[]; last: PathElement } {
  const container = parentOf(root, path.elements);
  if (container === undefined) throw new ValidationException(UPDATE_MESSAGES.invalidPath);
  return { container, last: path.elements[path.elements.length - 1]! };
}

function read(container: Mutable | AttributeValue[], last: PathElement): AttributeValue | undefined {
  return Array.isArray(container) ? container[last as number] : (container[last as string] as AttributeValue | undefined);
}

function write(container: Mutable | AttributeValue[], last: PathElement, value: AttributeValue): void {
  if (Array.isArray(container)) {
    // An index past the end appends, as DynamoDB does.
    const index = last as number;
    if (index < container.length) container[index] = value;
    else container.push(value);
  } else container[last as string] = value;
}

function erase(container: Mutable | AttributeValue[], last: PathElement): void {
  if (Array.isArray(container)) {
    const index = last as number;
    if (index < container.length) container.splice(index, 1);
  } else delete container[last as string];
}

function setType(v: AttributeValue): 'SS' | 'NS' | 'BS' | undefined {
  return 'SS' in v ? 'SS' : 'NS' in v ? 'NS' : 'BS' in v ? 'BS' : undefined;
}

function makeSet(type: 'SS' | 'NS' | 'BS', members: readonly string[]): AttributeValue {
  return type === 'SS' ? { SS: members } : type === 'NS' ? { NS: members } : { BS: members };
}

function membersOf(v: AttributeValue, type: 'SS' | 'NS' | 'BS'): readonly string[] {
  return (v as Record<string, readonly string[]>)[type]!;
}

/** Orders paths so that later list positions come first; removing them then leaves earlier indexes valid. */
function compareForRemoval(a: PathNode, b: PathNode): number {
  const n = Math.min(a.elements.length, b.elements.length);
  for (let i = 0; i < n; i++) {
    const x = a.elements[i]!;
    const y = b.elements[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return 0;
  }
  return 0;
}

/**
 * How the 400 KB limit applies. 'update-item' is standalone UpdateItem's rule, measured on AWS
 * (eu-west-2, August 2026, nubo-db/dynamodb-conformance tests/tier3/limits/itemSizeBySurface):
 * besides the finished item, what the statement writes (the top-level attributes its SET and ADD
 * actions touch, names and values) plus a fixed cost per action must fit: 3 bytes, plus 19 per
 * SET or ADD (20 when the SET path has a list index) and 2 per REMOVE or DELETE. So a short key
 * leaves less than 400 KB of room. 'flat' checks the finished item alone, as transactions and
 * PartiQL do.
 */
export type UpdateSizeRule = 'update-item' | 'flat';

const UPDATE_BASE_COST = 3;

function actionCost(action: UpdateNode['actions'][number]): number {
  switch (action.kind) {
    case 'Set':
      return action.path.elements.some((e) => typeof e === 'number') ? 20 : 19;
    case 'Add':
      return 19;
    case 'Remove':
    case 'Delete':
      return 2;
  }
}

function checkUpdateItemSize(update: UpdateNode, item: Item): void {
  let bytes = UPDATE_BASE_COST;
  const written = new Set<string>();
  for (const action of update.actions) {
    bytes += actionCost(action);
    if (action.kind === 'Set' || action.kind === 'Add') written.add(action.path.elements[0] as string);
  }
  for (const name of written) {
    const value = item[name];
    if (value !== undefined) bytes += utf8ByteLength(name) + attributeValueSize(value);
  }
  if (bytes > MAX_ITEM_SIZE) throw new ValidationException(UPDATE_MESSAGES.itemSize);
}

/**
 * Applies an update to the existing item, or to a new item made of the key when there is none.
 * Throws ValidationException with AWS's message for key attributes, missing attributes, wrong
 * operand types, invalid paths, number limits, and an item over 400 KB (see UpdateSizeRule).
 */
export function applyUpdate(update: UpdateNode, existing: Item | undefined, key: Item, sizeRule: UpdateSizeRule = 'update-item'): UpdateResult {
  checkUpdateSparesKey(update, Object.keys(key));
  const base = existing ?? key;
  const setValues = new Map<object, AttributeValue>();
  for (const action of update.actions) {
    if (action.kind === 'Set') setValues.set(action, evaluateSetValue(action.value, base));
  }
  const root: Mutable = newAttributeMap<unknown>();
  for (const name in base) root[name] = clone(base[name]!);
  const removals: PathNode[] = [];
  for (const action of update.actions) {
    if (action.kind === 'Remove') {
      // Checked now so an invalid path fails whatever its position.
      parentFor(root, action.path);
      removals.push(action.path);
      continue;
    }
    const { container, last } = parentFor(root, action.path);
    const current = read(container, last);
    switch (action.kind) {
      case 'Set': {
        const value = setValues.get(action)!;
        // A value stored under a nested path must still fit the nesting limit as a whole.
        if (action.path.elements.length > 1 && action.path.elements.length - 1 + levelsOf(value) > MAX_NESTING_DEPTH) {
          throw new ValidationException(VALUE_MESSAGES.nesting);
        }
        write(container, last, value);
        break;
      }
      case 'Add': {
        const value = action.value.value;
        if ('N' in value) {
          if (current === undefined) write(container, last, value);
          else if ('N' in current) write(container, last, { N: addNumbers(current.N, value.N) });
          else throw new ValidationException(UPDATE_MESSAGES.wrongType);
          break;
        }
        const type = setType(value)!;
        if (current === undefined) {
          write(container, last, value);
          break;
        }
        if (setType(current) !== type) throw new ValidationException(UPDATE_MESSAGES.wrongType);
        const merged = [...membersOf(current, type)];
        const present = new Set(merged);
        for (const member of membersOf(value, type)) if (!present.has(member)) merged.push(member);
        write(container, last, makeSet(type, merged));
        break;
      }
      case 'Delete': {
        if (current === undefined) break;
        const type = setType(action.value.value)!;
        if (setType(current) !== type) throw new ValidationException(UPDATE_MESSAGES.wrongType);
        const removed = new Set(membersOf(action.value.value, type));
        const kept = membersOf(current, type).filter((m) => !removed.has(m));
        if (kept.length === 0) erase(container, last);
        else write(container, last, makeSet(type, kept));
        break;
      }
    }
  }
  removals.sort(compareForRemoval);
  for (const path of removals) {
    const container = parentOf(root, path.elements);
    if (container !== undefined) erase(container, path.elements[path.elements.length - 1]!);
  }
  const item = root as Item;
  checkItemSize(item, UPDATE_MESSAGES.itemSize);
  if (sizeRule === 'update-item') checkUpdateItemSize(update, item);
  const paths = update.actions.map((a) => a.path);
  return { item, updatedOld: existing ? projectPaths(existing, paths) : {}, updatedNew: projectPaths(item, paths) };
}
