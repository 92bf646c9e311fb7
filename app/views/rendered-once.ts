/**
 * Parts of a page that depend only on an immutable object (a generated variant) are rendered
 * once per object and reused as HTML. Keyed by the object itself in a WeakMap: the live bank
 * replaces every variant when a scenario file changes, so a reload can never serve a part
 * rendered from the old file, and a variant dropped from the bank's cache takes its parts with it.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { LruCache } from '../lru-cache.ts';

const parts = new WeakMap<object, Map<string, Child>>();

/**
 * `render()` once per (owner, part), then its HTML. `part` must name everything besides the
 * owner that the rendering reads. A part that renders asynchronously is not kept.
 */
export function renderedOnce(owner: object, part: string, render: () => Exclude<Child, Child[]>): Child {
  let byPart = parts.get(owner);
  const kept = byPart?.get(part);
  if (kept !== undefined) return kept;
  const node = render();
  if (node instanceof Promise || typeof node === 'boolean') return node;
  // One node (a fragment for several): an array's toString would join its parts with commas.
  const html: unknown = node === null || node === undefined ? '' : node.toString();
  const pending = (html as { callbacks?: unknown[] }).callbacks?.length;
  if ((typeof html !== 'string' && !(html instanceof String)) || pending) return node;
  if (byPart === undefined) {
    byPart = new Map();
    parts.set(owner, byPart);
  }
  const once = raw(html);
  byPart.set(part, once);
  return once;
}

/** Stored values kept by their JSON text (internByContent). */
export const INTERNED_VALUES = 1000;

const interned = new LruCache<string, object>(INTERNED_VALUES);

/**
 * The object kept for an equal JSON text, else `value` (kept from now on): a stored attempt's
 * variant and grade are parsed anew from their row on every view, and this gives each view of
 * one attempt the same objects, so the parts rendered from them are reused (renderedOnce).
 * Keyed by content, so two databases' rows can never share a part unless they are equal.
 * Callers treat the objects as immutable, as they treat variants.
 */
export function internByContent<T extends object>(value: T): T {
  const key = JSON.stringify(value);
  const kept = interned.get(key);
  if (kept !== undefined) return kept as T;
  interned.set(key, value);
  return value;
}
