/**
 * A value read from somewhere slow or fallible (typically the catalog, for a
 * connector's mapping of external services to entities): kept for
 * `refreshMs`, read again on the first use after that, one read at a time;
 * while a read fails the last good value stays in use.
 *
 * @public
 */
export class RefreshingValue<T> {
  private loaded?: { at: number; value: T };
  private loading?: Promise<T>;
  private readonly now: () => number;

  constructor(
    private readonly options: {
      read(): Promise<T>;
      refreshMs: number;
      /** Told when a refresh failed and the older value is used instead. */
      onStale?(error: unknown, ageMs: number): void;
      now?: () => number;
    },
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The current value; throws only when none could ever be read. */
  async get(): Promise<T> {
    if (this.loaded && this.now() - this.loaded.at < this.options.refreshMs) {
      return this.loaded.value;
    }
    this.loading ??= this.options
      .read()
      .then(value => {
        this.loaded = { at: this.now(), value };
        return value;
      })
      .finally(() => {
        this.loading = undefined;
      });
    try {
      return await this.loading;
    } catch (error) {
      if (!this.loaded) throw error;
      this.options.onStale?.(error, this.now() - this.loaded.at);
      return this.loaded.value;
    }
  }

  /** Forgets the value, so the next use reads again. */
  invalidate() {
    this.loaded = undefined;
  }
}
