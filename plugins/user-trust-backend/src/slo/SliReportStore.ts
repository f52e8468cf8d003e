import { Knex } from 'knex';
import { addDays } from '@user-trust/plugin-user-trust-common';
import { SignalRow } from '../signals/types';
import { toDate } from '../database/dates';

const TABLE = 'user_trust_signals';
// Entity refs per query: far below SQLite's and PostgreSQL's bind limits.
const CHUNK_SIZE = 500;

/** A stored `sli_report`: where it came from and its attributes. */
export type SliReport = {
  source: string;
  occurredAt: Date;
  attributes: Record<string, unknown>;
};

/**
 * Reads the latest technical SLI reports of entities, to say where their
 * technical SLI comes from. The rollups already know each entity's latest
 * day with a report, so only that day's signals are read: a range of the
 * `(entity_ref, occurred_at)` index, never an entity's whole history.
 */
export class SliReportStore {
  constructor(private readonly db: Knex) {}

  /**
   * The `sli_report` signals of each entity on the given UTC day
   * (`YYYY-MM-DD`), latest first. One query per distinct day and 500
   * entities; entities without a report that day are left out.
   */
  async reportsOn(
    days: ReadonlyMap<string, string>,
  ): Promise<Map<string, SliReport[]>> {
    const byDay = new Map<string, string[]>();
    for (const [entityRef, day] of days) {
      byDay.set(day, [...(byDay.get(day) ?? []), entityRef]);
    }
    const reports = new Map<string, SliReport[]>();
    for (const [day, refs] of byDay) {
      for (let i = 0; i < refs.length; i += CHUNK_SIZE) {
        const rows: Pick<
          SignalRow,
          'source' | 'entity_ref' | 'occurred_at' | 'attributes'
        >[] = await this.db<SignalRow>(TABLE)
          .select('source', 'entity_ref', 'occurred_at', 'attributes')
          .whereIn('entity_ref', refs.slice(i, i + CHUNK_SIZE))
          .where('occurred_at', '>=', new Date(`${day}T00:00:00.000Z`))
          .where(
            'occurred_at',
            '<',
            new Date(`${addDays(day, 1)}T00:00:00.000Z`),
          )
          .where('kind', 'sli_report')
          .orderBy([
            { column: 'occurred_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ]);
        for (const row of rows) {
          const list = reports.get(row.entity_ref) ?? [];
          list.push({
            source: row.source,
            occurredAt: toDate(row.occurred_at),
            attributes: parseAttributes(row.attributes),
          });
          reports.set(row.entity_ref, list);
        }
      }
    }
    return reports;
  }
}

function parseAttributes(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}
