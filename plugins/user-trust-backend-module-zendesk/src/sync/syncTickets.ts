import { UserTrustConnectorContext } from '@user-trust/plugin-user-trust-node';
import { ZendeskClient } from '../client/ZendeskClient';

/** State key of the export's position. @public */
export const ZENDESK_EXPORT_STATE_KEY = 'ticket-export';

/** The export's stored position: the `after_cursor` of the last stored page. @public */
export type ZendeskExportState = { cursor: string };

/**
 * Reads the incremental ticket export from where it stopped: the first run
 * from `start_time` = now − `backfillDays`, every later page (and run) from
 * the `after_cursor` of the page before, until `end_of_stream`. The cursor
 * is stored only after its page's tickets are, so a restart (or a failure)
 * re-reads at most one page, which ingestion stores again unchanged.
 *
 * @public
 */
export async function syncZendeskTickets(options: {
  client: Pick<ZendeskClient, 'exportTickets'>;
  context: Pick<UserTrustConnectorContext, 'state' | 'reportProgress'>;
  /** Stores one page's tickets; throws when they could not be stored. */
  store(
    page: Awaited<ReturnType<ZendeskClient['exportTickets']>>,
  ): Promise<void>;
  backfillDays: number;
  signal?: AbortSignal;
  now?: () => number;
}): Promise<{ pages: number; tickets: number }> {
  const { client, context, store, signal } = options;
  const now = options.now ?? Date.now;
  const saved = await context.state.get<ZendeskExportState>(
    ZENDESK_EXPORT_STATE_KEY,
  );
  let from: { startTime: number } | { cursor: string } = saved?.cursor
    ? { cursor: saved.cursor }
    : {
        startTime: Math.floor(
          (now() - options.backfillDays * 86_400_000) / 1000,
        ),
      };
  let pages = 0;
  let tickets = 0;
  for (;;) {
    if (signal?.aborted) break;
    const page = await client.exportTickets(from, { signal });
    await store(page);
    pages += 1;
    tickets += page.tickets.length;
    if (page.afterCursor) {
      await context.state.set<ZendeskExportState>(ZENDESK_EXPORT_STATE_KEY, {
        cursor: page.afterCursor,
      });
      from = { cursor: page.afterCursor };
    }
    await context.reportProgress({ done: tickets });
    if (page.endOfStream || !page.afterCursor) break;
  }
  return { pages, tickets };
}
