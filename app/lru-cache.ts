/**
 * A bounded least-recently-used map: a Map keeps insertion order, so the first key is the oldest.
 * The one kind of cache the app keeps: variants (live bank), fixtures (grading), SQLite statements.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  constructor(readonly capacity: number) {}
  get size(): number {
    return this.#entries.size;
  }
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }
  clear(): void {
    this.#entries.clear();
  }
}
