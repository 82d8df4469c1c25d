/**
 * Values cached under a key and the change counter they were computed at, for callers that
 * read the counter themselves (in the same query as the session, see readViewState). A value
 * is served only while the counter it was filed under is still the current one, so a write by
 * any process invalidates it at the next request. Concurrent requests for the same missing value
 * share one computation; failures are not kept; least recently used entries go first.
 */
export class CounterCache<T> {
  readonly #entries = new Map<string, { counter: number; value: Promise<T> }>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** The value filed under `key` at `counter`, or `compute()` filed there now. */
  get(key: string, counter: number, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found && found.counter === counter && counter >= 0) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found.value;
    }
    const value = compute();
    const entry = { counter, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // A failed computation must not be served to later requests.
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
