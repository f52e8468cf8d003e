import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { UserTrustSignalProviderConnection } from '@user-trust/plugin-user-trust-node';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { IncidentClassificationOptions } from '../incidents/classification';
import {
  attributeSignals,
  buildIncidentSignals,
  UnattributedSignal,
  withHandledBy,
} from '../incidents/incidentSignals';
import { PagerDutyIncident } from '../incidents/types';
import { HandledByResolver } from '../mapping/HandledByResolver';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  UnmappedPagerDutyService,
  unmappedServiceOf,
} from '../mapping/unmappedService';

/** Signals of one unmapped service found by a sync. @public */
export type UnmappedServiceSignals = {
  service: UnmappedPagerDutyService;
  signals: UnattributedSignal[];
};

/** @public */
export type SyncIncidentsOptions = {
  accountId: string;
  client: Pick<PagerDutyClient, 'listIncidents' | 'getIncidentTimeline'>;
  /** Incidents created in `[since, until)`. */
  since: Date;
  until: Date;
  mapping: Pick<ServiceEntityMapping, 'resolve'>;
  ingest: UserTrustSignalProviderConnection['ingest'];
  /** Keeps signals of services that map to no entity, per page read. */
  keepUnmapped(unmapped: UnmappedServiceSignals[]): Promise<void>;
  classification?: IncidentClassificationOptions;
  /** Finds the catalog User of an incident's handler (for `handledBy`). */
  handledBy?: Pick<HandledByResolver, 'resolve'>;
  /**
   * Read the log entries of resolved incidents for acknowledge and
   * escalation times (one request per resolved incident). Default true.
   */
  withTimelines?: boolean;
  /** Called after each stored page, e.g. to save a cursor. */
  onPage?(progress: SyncIncidentsProgress): Promise<void> | void;
};

/** @public */
export type SyncIncidentsProgress = IngestSignalsResult & {
  incidents: number;
  unmapped: number;
  /** Creation time of the newest incident stored so far. */
  newestCreatedAt?: string;
};

async function signalsOf(
  incident: PagerDutyIncident,
  options: SyncIncidentsOptions,
): Promise<UnattributedSignal[]> {
  const timeline =
    options.withTimelines !== false && incident.status === 'resolved'
      ? await options.client.getIncidentTimeline(incident.id)
      : {};
  return buildIncidentSignals(
    withHandledBy(
      { accountId: options.accountId, incident, ...timeline },
      options.handledBy,
    ),
    options.classification,
  );
}

/**
 * Backfills or reconciles one account's incidents over the REST API: page
 * by page, mapped signals go to ingestion (one batch per page) and unmapped
 * ones to `keepUnmapped`, so a failure loses at most the page in hand and
 * a rerun stores the same signals again unchanged.
 *
 * @public
 */
export async function syncPagerDutyIncidents(
  options: SyncIncidentsOptions,
): Promise<SyncIncidentsProgress> {
  const progress: SyncIncidentsProgress = {
    incidents: 0,
    unmapped: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  for await (const page of options.client.listIncidents({
    since: options.since,
    until: options.until,
  })) {
    const mapped: SignalInput[] = [];
    const unmapped = new Map<string, UnmappedServiceSignals>();
    for (const incident of page) {
      const signals = await signalsOf(incident, options);
      const match = options.mapping.resolve(
        options.accountId,
        incident.service.id,
      );
      if (match) {
        mapped.push(...attributeSignals(signals, match.entityRef));
        continue;
      }
      const entry = unmapped.get(incident.service.id) ?? {
        service: unmappedServiceOf(options.accountId, incident),
        signals: [],
      };
      entry.signals.push(...signals);
      unmapped.set(incident.service.id, entry);
      progress.unmapped += 1;
    }
    if (mapped.length > 0) {
      const result = await options.ingest(mapped);
      progress.created += result.created;
      progress.updated += result.updated;
      progress.unchanged += result.unchanged;
    }
    if (unmapped.size > 0) await options.keepUnmapped([...unmapped.values()]);
    progress.incidents += page.length;
    progress.newestCreatedAt = new Date(
      page[page.length - 1].created_at,
    ).toISOString();
    await options.onPage?.({ ...progress });
  }
  return progress;
}
