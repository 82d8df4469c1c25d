import { LRUCache } from 'lru-cache';

/** How much a cache keeps: at most `max` entries and, with `sizeOf`, at most `maxSize` in its units. */
export interface CacheLimit<V> {
  max?: number;
  /** The total size kept, in the units of `sizeOf` (bytes for buffers, rows for object graphs). */
  maxSize?: number;
  sizeOf?: (value: V) => number;
}

interface Entry<V> {
  version: number;
  value: Promise<V>;
  size: number;
}

/**
 * The one cache of luoshi (over npm's `lru-cache`): least recently used entries go first, bounded
 * by count and, where values differ in size, by size (memory). Each value is filed with the
 * version it is current for (a report's change counter, the database's change epoch): asked for
 * another version it is computed again. Values are promises, so concurrent askers share one
 * computation; a computation that fails is dropped at once, never served again. Values are frozen
 * (shallowly) when they resolve: whoever reads a kept value must not change it; derive a new one.
 */
export class KeptValues<K extends object | string | number, V extends object> {
  readonly #lru: LRUCache<K, Entry<V>>;
  readonly #sizeOf: ((value: V) => number) | undefined;

  constructor(limit: CacheLimit<V>) {
    if (limit.max === undefined && limit.maxSize === undefined)
      throw new Error('KeptValues: give max or maxSize');
    this.#sizeOf = limit.sizeOf;
    const { max, maxSize } = limit;
    const options: LRUCache.Options<K, Entry<V>, unknown> = maxSize !== undefined
      ? {
          maxSize,
          sizeCalculation: (entry) => Math.max(1, entry.size),
          ...(max !== undefined ? { max } : {}),
        }
      : { max: max ?? 1 };
    this.#lru = new LRUCache<K, Entry<V>>(options);
  }

  /** The value filed under `key` at `version`, or undefined. */
  get(key: K, version: number): Promise<V> | undefined {
    const entry = this.#lru.get(key);
    return entry !== undefined && entry.version === version ? entry.value : undefined;
  }

  /** The value last filed under `key`, whatever its version (for callers that bring it up to date). */
  latest(key: K): { version: number; value: Promise<V> } | undefined {
    const entry = this.#lru.get(key);
    return entry && { version: entry.version, value: entry.value };
  }

  /**
   * The value of `key` at `version`: the kept one, or `compute()` filed now. A negative version
   * cannot be checked for changes: the value is computed and not kept.
   */
  getOrCompute(key: K, version: number, compute: () => Promise<V>): Promise<V> {
    return this.get(key, version) ?? this.set(key, version, compute());
  }

  /** Files `value` under `key` at `version` (replacing what was there) and returns it, frozen. */
  set(key: K, version: number, value: Promise<V>): Promise<V> {
    const frozen = value.then((resolved) => Object.freeze(resolved));
    if (version < 0) return frozen;
    const entry: Entry<V> = { version, value: frozen, size: 1 };
    this.#lru.set(key, entry);
    frozen.then(
      (resolved) => {
        // Sized once known; the entry may have been replaced or evicted meanwhile.
        if (this.#sizeOf && this.#lru.peek(key) === entry) {
          this.#lru.set(key, { ...entry, size: this.#sizeOf(resolved) });
        }
      },
      () => {
        if (this.#lru.peek(key) === entry) this.#lru.delete(key);
      },
    );
    return frozen;
  }

  get size(): number {
    return this.#lru.size;
  }

  /** The total size kept (entries count 1 until their value resolves). */
  get calculatedSize(): number {
    return this.#lru.calculatedSize;
  }
}
