import { UserTrustConnectorContext } from '@user-trust/plugin-user-trust-node';
import { ZendeskSurveyResponsePage } from '../client/types';
import { ZendeskClient } from '../client/ZendeskClient';

/** State key of the survey responses' position. @public */
export const ZENDESK_SURVEY_STATE_KEY = 'survey-responses';

/**
 * The survey responses' stored position: the `filter[created_at_start]`
 * (Unix seconds) of the listing, and while a listing is under way the
 * `meta.after_cursor` of its last stored page and the creation time of the
 * oldest response read so far that its responder may still change.
 *
 * @public
 */
export type ZendeskSurveyState = {
  since: number;
  cursor?: string;
  editableSince?: number;
};

const seconds = (iso: string | null | undefined) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/**
 * Reads the customizable CSAT survey responses created since the stored
 * position: the first run from the backfill start, page after page by
 * `page[after]` = `meta.after_cursor` while `meta.has_more`. The cursor is
 * stored only after its page's responses are, so a restart re-reads at
 * most one page. Once the listing is done, the next run lists from when
 * this one started, or from the oldest response that may still change
 * (`expires_at` ahead), so an edited rating is read again and its signal
 * updated.
 *
 * @public
 */
export async function syncZendeskSurveyResponses(options: {
  client: Pick<ZendeskClient, 'listSurveyResponses'>;
  context: Pick<UserTrustConnectorContext, 'state'>;
  /** Stores one page's responses; throws when they could not be stored. */
  store(page: ZendeskSurveyResponsePage): Promise<void>;
  backfillDays: number;
  signal?: AbortSignal;
  now?: () => number;
}): Promise<{ pages: number; responses: number }> {
  const { client, context, store, signal } = options;
  const now = options.now ?? Date.now;
  const startedAt = Math.floor(now() / 1000);
  const saved = await context.state.get<ZendeskSurveyState>(
    ZENDESK_SURVEY_STATE_KEY,
  );
  const since =
    saved?.since ??
    Math.floor((now() - options.backfillDays * 86_400_000) / 1000);
  let cursor = saved?.cursor;
  let editableSince = saved?.editableSince;
  let pages = 0;
  let responses = 0;
  for (;;) {
    if (signal?.aborted) return { pages, responses };
    const page = await client.listSurveyResponses(
      { createdAtStart: since, ...(cursor && { cursor }) },
      { signal },
    );
    await store(page);
    pages += 1;
    responses += page.responses.length;
    for (const response of page.responses) {
      const expiresAt = seconds(response.expires_at);
      if (expiresAt === undefined || expiresAt <= startedAt) continue;
      const createdAt = Math.min(
        ...(response.answers ?? [])
          .map(a => seconds(a?.created_at))
          .filter((t): t is number => t !== undefined),
      );
      if (Number.isFinite(createdAt)) {
        editableSince = Math.min(editableSince ?? createdAt, createdAt);
      }
    }
    if (!page.hasMore || !page.afterCursor) break;
    cursor = page.afterCursor;
    await context.state.set<ZendeskSurveyState>(ZENDESK_SURVEY_STATE_KEY, {
      since,
      cursor,
      ...(editableSince !== undefined && { editableSince }),
    });
  }
  await context.state.set<ZendeskSurveyState>(ZENDESK_SURVEY_STATE_KEY, {
    since: Math.min(startedAt, editableSince ?? startedAt),
  });
  return { pages, responses };
}
