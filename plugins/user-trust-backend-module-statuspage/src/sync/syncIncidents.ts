import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { UserTrustSignalProviderConnection } from '@user-trust/plugin-user-trust-node';
import { StatuspageClient } from '../client/StatuspageClient';
import { StatuspageIncident } from '../incidents/types';
import {
  attributeIncident,
  UnmappedComponentSignals,
} from '../mapping/attributeIncident';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';

/** @public */
export type SyncStatuspageIncidentsOptions = {
  client: Pick<
    StatuspageClient,
    'pageId' | 'listIncidents' | 'listScheduledMaintenances'
  >;
  mapping: Pick<ComponentEntityMapping, 'resolve' | 'resolvePage'>;
  ingest: UserTrustSignalProviderConnection['ingest'];
  /** Keeps signals of components that map to no entity, per page of results. */
  keepUnmapped(unmapped: UnmappedComponentSignals[]): Promise<void>;
  /** Default: the system clock. */
  now?: () => Date;
  /** Read incidents back to this creation time only (a backfill window). */
  createdSince?: Date;
  /** Called after each stored page of results, e.g. to record progress. */
  onPage?(progress: SyncStatuspageProgress): Promise<void> | void;
};

/** @public */
export type SyncStatuspageProgress = IngestSignalsResult & {
  /** Incidents and maintenances read. */
  incidents: number;
  /** Maintenances not started yet: nothing stored for them. */
  upcoming: number;
  /** Unmapped components found (once per incident and component). */
  unmapped: number;
};

/**
 * Backfills or reconciles one page over the REST API: its incidents
 * (`/incidents`) and its scheduled maintenances (`/incidents/scheduled`),
 * each incident once. Page by page, mapped signals go to ingestion (one
 * batch per page of results) and unmapped ones to `keepUnmapped`, so a
 * failure loses at most the page in hand and a rerun stores the same
 * signals again unchanged.
 *
 * @public
 */
export async function syncStatuspageIncidents(
  options: SyncStatuspageIncidentsOptions,
): Promise<SyncStatuspageProgress> {
  const progress: SyncStatuspageProgress = {
    incidents: 0,
    upcoming: 0,
    unmapped: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const done = new Set<string>();
  const now = options.now ?? (() => new Date());
  const store = async (page: StatuspageIncident[]) => {
    const signals: SignalInput[] = [];
    const unmapped: UnmappedComponentSignals[] = [];
    for (const incident of page) {
      if (done.has(incident.id)) continue;
      done.add(incident.id);
      progress.incidents += 1;
      const attributed = attributeIncident(
        options.client.pageId,
        incident,
        options.mapping,
        now(),
      );
      if (attributed.upcomingAt) progress.upcoming += 1;
      signals.push(...attributed.signals);
      unmapped.push(...attributed.unmapped);
    }
    if (signals.length > 0) {
      const result = await options.ingest(signals);
      progress.created += result.created;
      progress.updated += result.updated;
      progress.unchanged += result.unchanged;
    }
    if (unmapped.length > 0) {
      await options.keepUnmapped(unmapped);
      progress.unmapped += unmapped.length;
    }
    await options.onPage?.({ ...progress });
  };

  for await (const page of options.client.listIncidents({
    createdSince: options.createdSince,
  })) {
    await store(page);
  }
  for await (const page of options.client.listScheduledMaintenances()) {
    await store(page);
  }
  return progress;
}
