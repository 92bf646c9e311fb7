/**
 * Applies a ProjectionExpression (or any list of document paths) to an item: only the named
 * attributes and nested elements are kept, in their original structure. List elements picked by
 * index come back in index order, packed together, as DynamoDB returns them.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html
 */
import { newAttributeMap, type AttributeValue, type Item } from '../values/attribute-value.ts';
import type { PathNode, ProjectionNode } from './ast.ts';

/** A partly built projection: a whole value, or members/elements still being collected. */
type Partial =
  | { readonly kind: 'whole'; readonly value: AttributeValue }
  | { readonly kind: 'map'; readonly members: Map<string, Partial> }
  | { readonly kind: 'list'; readonly elements: Map<number, Partial> };

function build(part: Partial): AttributeValue {
  switch (part.kind) {
    case 'whole':
      return part.value;
    case 'map': {
      const M = newAttributeMap();
      for (const [name, member] of part.members) M[name] = build(member);
      return { M };
    }
    case 'list':
      return { L: [...part.elements.entries()].sort((a, b) => a[0] - b[0]).map(([, element]) => build(element)) };
  }
}

/** Keeps only the given paths of an item. Paths that lead nowhere are skipped. */
export function projectPaths(item: Item, paths: readonly PathNode[]): Item {
  const top = new Map<string, Partial>();
  for (const path of paths) {
    const elements = path.elements;
    const head = elements[0] as string;
    let value = item[head];
    if (value === undefined) continue;
    if (elements.length === 1) {
      top.set(head, { kind: 'whole', value });
      continue;
    }
    // Walk the item first so a path that leads nowhere leaves no empty shell behind.
    const chain: AttributeValue[] = [value];
    for (let i = 1; i < elements.length && value !== undefined; i++) {
      const step = elements[i]!;
      if (typeof step === 'number') value = 'L' in value ? value.L[step] : undefined;
      else value = 'M' in value ? value.M[step] : undefined;
      if (value !== undefined) chain.push(value);
    }
    if (value === undefined) continue;
    let container: Map<string | number, Partial> = top as Map<string | number, Partial>;
    for (let i = 0; i < elements.length - 1; i++) {
      const step = elements[i]!;
      const next = elements[i + 1]!;
      let part = container.get(step);
      if (part === undefined || part.kind === 'whole') {
        part = typeof next === 'number' ? { kind: 'list', elements: new Map() } : { kind: 'map', members: new Map() };
        container.set(step, part);
      }
      container = (part.kind === 'list' ? part.elements : part.members) as Map<string | number, Partial>;
    }
    container.set(elements[elements.length - 1]!, { kind: 'whole', value: chain[chain.length - 1]! });
  }
  const result = newAttributeMap();
  for (const [name, part] of top) result[name] = build(part);
  return result;
}

/** Applies a parsed ProjectionExpression to an item. */
export function applyProjection(projection: ProjectionNode, item: Item): Item {
  return projectPaths(item, projection.paths);
}
