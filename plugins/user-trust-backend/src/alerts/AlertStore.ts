import { Knex } from 'knex';
import {
  AlertState,
  AlertTransition,
  EntityAlertsResponse,
  EntityTrustEvaluation,
  nextAlertState,
  SloAlert,
} from '@user-trust/plugin-user-trust-common';

const STATES = 'user_trust_alert_states';
const TRANSITIONS = 'user_trust_alert_transitions';
/** Entity refs per read of the stored states. */
const CHUNK = 500;

type StateRow = {
  entity_ref: string;
  slo: string;
  state: AlertState;
  seq: number;
  since: number | string;
};

/** An SLO's alert as one evaluation judged it. */
export type EvaluatedAlert = {
  entityRef: string;
  slo: string;
  alert: SloAlert;
  errorBudgetRemaining: number | null;
  at: Date;
};

const key = (entityRef: string, slo: string) => `${entityRef}\u0000${slo}`;

/** The alerts of evaluations that carry one (`userTrust.alerting`). */
export function alertsOf(
  evaluations: ReadonlyArray<EntityTrustEvaluation>,
): EvaluatedAlert[] {
  return evaluations.flatMap(evaluation =>
    evaluation.slos.flatMap(slo =>
      slo.alert
        ? [
            {
              entityRef: evaluation.entityRef,
              slo: slo.name,
              alert: slo.alert,
              errorBudgetRemaining: slo.errorBudgetRemaining,
              at: new Date(evaluation.evaluatedAt),
            },
          ]
        : [],
    ),
  );
}

/**
 * The current alert state of each entity and SLO, and the history of its
 * transitions. A transition is recorded only when an evaluation's state
 * differs from the stored one; it is numbered per entity and SLO (`seq`,
 * unique), so when two replicas judge the same change only the first
 * records it, and a restart (which finds the state stored) records nothing.
 * No stored state means `ok`.
 */
export class AlertStore {
  constructor(private readonly db: Knex) {}

  /** Records the transitions of these evaluated alerts; answers how many. */
  async record(alerts: ReadonlyArray<EvaluatedAlert>): Promise<number> {
    const refs = [...new Set(alerts.map(a => a.entityRef))];
    const stored = new Map<string, StateRow>();
    for (let i = 0; i < refs.length; i += CHUNK) {
      const rows: StateRow[] = await this.db(STATES).whereIn(
        'entity_ref',
        refs.slice(i, i + CHUNK),
      );
      for (const row of rows) stored.set(key(row.entity_ref, row.slo), row);
    }
    let recorded = 0;
    for (const alert of alerts) {
      const current = stored.get(key(alert.entityRef, alert.slo));
      const { transition } = nextAlertState(current?.state, alert.alert.state);
      if (transition && (await this.transition(alert, current))) recorded++;
    }
    return recorded;
  }

  /**
   * Moves one state on, recording its transition, unless another replica
   * moved it first (then nothing is written).
   */
  private async transition(
    alert: EvaluatedAlert,
    current: StateRow | undefined,
  ): Promise<boolean> {
    const seq = (current?.seq ?? 0) + 1;
    const at = alert.at.getTime();
    const where = { entity_ref: alert.entityRef, slo: alert.slo };
    try {
      await this.db.transaction(async tx => {
        await tx(TRANSITIONS).insert({
          ...where,
          seq,
          from_state: current?.state ?? 'ok',
          to_state: alert.alert.state,
          at,
          burn_rates: JSON.stringify(alert.alert.burnRates),
          error_budget_remaining: alert.errorBudgetRemaining,
          forecast: JSON.stringify(alert.alert.forecast),
        });
        const state = { state: alert.alert.state, seq, since: at };
        if (current) {
          const updated = await tx(STATES)
            .where({ ...where, seq: current.seq })
            .update(state);
          if (updated !== 1) throw new Error('alert state moved on');
        } else {
          await tx(STATES).insert({ ...where, ...state });
        }
      });
      return true;
    } catch (error) {
      // A unique key (or the seq check) refused the write: another replica
      // recorded this transition number first. Anything else is an error.
      const now = await this.db(STATES).where(where).first('seq');
      if (now && now.seq >= seq) return false;
      throw error;
    }
  }

  /** An entity's stored states and its transitions, newest first. */
  async forEntity(
    entityRef: string,
    limit: number,
  ): Promise<EntityAlertsResponse> {
    const [states, transitions] = await Promise.all([
      this.db<StateRow>(STATES).where({ entity_ref: entityRef }).orderBy('slo'),
      this.db(TRANSITIONS)
        .where({ entity_ref: entityRef })
        .orderBy([
          { column: 'at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit),
    ]);
    return {
      current: states.map(row => ({
        slo: row.slo,
        state: row.state,
        since: new Date(Number(row.since)).toISOString(),
      })),
      transitions: transitions.map(
        (row): AlertTransition => ({
          slo: row.slo,
          from: row.from_state,
          to: row.to_state,
          at: new Date(Number(row.at)).toISOString(),
          burnRates: JSON.parse(row.burn_rates),
          errorBudgetRemaining:
            row.error_budget_remaining === null
              ? null
              : Number(row.error_budget_remaining),
          forecast: JSON.parse(row.forecast),
        }),
      ),
    };
  }
}
