import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

const LOOKUP_CHUNK = 500;
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
/** How long a ref found in the catalog is trusted without asking again. */
const DEFAULT_TTL_MS = 5 * 60 * 1000;
/** Refs remembered at most; a backfill over a huge catalog stays bounded. */
const MAX_REMEMBERED = 200_000;

/**
 * Which entity refs name entities of the catalog, asked with the plugin's
 * own credentials (ingestion is not about what the sender may see). Refs
 * found are remembered for a few minutes, so steady ingestion asks the
 * catalog only about refs it has not seen lately.
 */
export class KnownEntityRefs {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs: number = DEFAULT_TTL_MS,
  ) {}

  /** The refs (stored form) that no catalog entity has. */
  async unknown(refs: Iterable<string>): Promise<Set<string>> {
    const now = Date.now();
    const toAsk = [...new Set(refs)].filter(
      ref => (this.known.get(ref) ?? 0) <= now,
    );
    const missing = new Set<string>();
    if (toAsk.length === 0) return missing;
    const credentials = await this.auth.getOwnServiceCredentials();
    for (let i = 0; i < toAsk.length; i += LOOKUP_CHUNK) {
      const chunk = toAsk.slice(i, i + LOOKUP_CHUNK);
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: chunk, fields: REF_FIELDS },
        { credentials },
      );
      chunk.forEach((ref, j) => {
        if (items[j]) this.remember(ref, now);
        else missing.add(ref);
      });
    }
    return missing;
  }

  private remember(ref: string, now: number) {
    if (this.known.size >= MAX_REMEMBERED) {
      // Oldest first: a Map iterates in insertion order.
      for (const key of this.known.keys()) {
        this.known.delete(key);
        if (this.known.size < MAX_REMEMBERED / 2) break;
      }
    }
    this.known.delete(ref);
    this.known.set(ref, now + this.ttlMs);
  }
}
