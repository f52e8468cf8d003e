import { TestDatabases } from '@backstage/backend-test-utils';
import { AlertState, SloAlert } from '@user-trust/plugin-user-trust-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { AlertStore, EvaluatedAlert } from './AlertStore';

jest.setTimeout(120_000);

const T0 = Date.parse('2026-12-08T10:00:00Z');

function alertOf(state: AlertState, rate = 1.5): SloAlert {
  return {
    state,
    burnRates: [
      { window: '2d', rate },
      { window: '7d', rate: rate / 2 },
    ],
    forecast:
      state === 'ok'
        ? { spent: false, runsOutAt: null }
        : { spent: false, runsOutAt: '2026-12-20T10:00:00.000Z' },
  };
}

function evaluated(
  entityRef: string,
  slo: string,
  state: AlertState,
  minute = 0,
): EvaluatedAlert {
  return {
    entityRef,
    slo,
    alert: alertOf(state),
    errorBudgetRemaining: 0.4,
    at: new Date(T0 + minute * 60_000),
  };
}

const CHECKOUT = 'component:default/checkout-api';

describe('AlertStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
    });
    beforeEach(async () => {
      await knex('user_trust_alert_transitions').delete();
      await knex('user_trust_alert_states').delete();
    });

    it('records a transition only when the state changes', async () => {
      const store = new AlertStore(knex);
      expect(await store.record([evaluated(CHECKOUT, 'csat', 'ok')])).toBe(0);
      expect(
        await store.record([evaluated(CHECKOUT, 'csat', 'at-risk', 1)]),
      ).toBe(1);
      expect(
        await store.record([evaluated(CHECKOUT, 'csat', 'at-risk', 2)]),
      ).toBe(0);
      expect(
        await store.record([
          evaluated(CHECKOUT, 'csat', 'breached', 3),
          evaluated(CHECKOUT, 'cases', 'ok', 3),
        ]),
      ).toBe(1);
      expect(await store.record([evaluated(CHECKOUT, 'csat', 'ok', 4)])).toBe(
        1,
      );

      const { current, transitions } = await store.forEntity(CHECKOUT, 100);
      expect(current).toEqual([
        { slo: 'csat', state: 'ok', since: '2026-12-08T10:04:00.000Z' },
      ]);
      expect(transitions.map(t => [t.from, t.to, t.at])).toEqual([
        ['breached', 'ok', '2026-12-08T10:04:00.000Z'],
        ['at-risk', 'breached', '2026-12-08T10:03:00.000Z'],
        ['ok', 'at-risk', '2026-12-08T10:01:00.000Z'],
      ]);
      expect(transitions[1]).toEqual({
        slo: 'csat',
        from: 'at-risk',
        to: 'breached',
        at: '2026-12-08T10:03:00.000Z',
        burnRates: [
          { window: '2d', rate: 1.5 },
          { window: '7d', rate: 0.75 },
        ],
        errorBudgetRemaining: 0.4,
        forecast: { spent: false, runsOutAt: '2026-12-20T10:00:00.000Z' },
      });
      expect((await store.forEntity(CHECKOUT, 1)).transitions).toHaveLength(1);
    });

    it('does not record old transitions again after a restart', async () => {
      await new AlertStore(knex).record([
        evaluated(CHECKOUT, 'csat', 'breached'),
      ]);
      // A new process: nothing in memory, the same evaluation again.
      const restarted = new AlertStore(knex);
      expect(
        await restarted.record([evaluated(CHECKOUT, 'csat', 'breached', 5)]),
      ).toBe(0);
      const { transitions } = await restarted.forEntity(CHECKOUT, 100);
      expect(transitions).toHaveLength(1);
    });

    it('records each transition once when two replicas evaluate concurrently', async () => {
      // Each replica has its own store; they share only the database.
      const replicas = [new AlertStore(knex), new AlertStore(knex)];
      const refs = Array.from(
        { length: 40 },
        (_, i) => `component:default/service-${i}`,
      );
      const i = (ref: string) => Number(ref.split('-').pop());
      const wave = (state: AlertState, minute: number) =>
        refs.flatMap(ref => [
          evaluated(ref, 'csat', state, minute),
          evaluated(ref, 'cases', i(ref) % 2 ? state : 'ok', minute),
        ]);
      let recorded = 0;
      for (const [minute, state] of [
        [1, 'at-risk'],
        [2, 'breached'],
        [3, 'ok'],
      ] as const) {
        const counts = await Promise.all(
          replicas.map(r => r.record(wave(state, minute))),
        );
        recorded += counts[0] + counts[1];
      }
      // csat: 3 transitions per entity; cases: 3 for the odd half.
      const expected = refs.length * 3 + (refs.length / 2) * 3;
      expect(recorded).toBe(expected);
      const rows = await knex('user_trust_alert_transitions').select(
        'entity_ref',
        'slo',
        'seq',
      );
      expect(rows).toHaveLength(expected);
      const states = await knex('user_trust_alert_states').select(
        'entity_ref',
        'slo',
      );
      expect(states).toHaveLength(refs.length + refs.length / 2);
    });

    it('keeps at most one current state per entity and SLO, and stores a transition only on a change', async () => {
      const keys = [
        [CHECKOUT, 'csat'],
        [CHECKOUT, 'cases'],
        ['api:default/payments', 'csat'],
      ] as const;
      const state = fc.constantFrom<AlertState>('ok', 'at-risk', 'breached');
      await fc.assert(
        fc.asyncProperty(
          // Rounds of evaluations; each round both replicas evaluate what
          // they see (the second may have evaluated a moment later).
          fc.array(
            fc.tuple(
              fc.constantFrom(0, 1, 2),
              state,
              fc.option(state, { nil: undefined }),
            ),
            { maxLength: 12 },
          ),
          async rounds => {
            await knex('user_trust_alert_transitions').delete();
            await knex('user_trust_alert_states').delete();
            const replicas = [new AlertStore(knex), new AlertStore(knex)];
            const seen = new Map<number, AlertState[]>();
            for (const [round, [k, first, second]] of rounds.entries()) {
              const [ref, slo] = keys[k];
              await Promise.all([
                replicas[0].record([evaluated(ref, slo, first, round)]),
                replicas[1].record([evaluated(ref, slo, first, round)]),
              ]);
              seen.set(k, [...(seen.get(k) ?? []), first]);
              if (second) {
                await replicas[1].record([evaluated(ref, slo, second, round)]);
                seen.get(k)!.push(second);
              }
            }
            const states = await knex('user_trust_alert_states');
            const transitions = await knex('user_trust_alert_transitions')
              .orderBy('seq')
              .select();
            for (const [k, [ref, slo]] of keys.entries()) {
              const mine = states.filter(
                s => s.entity_ref === ref && s.slo === slo,
              );
              expect(mine.length).toBeLessThanOrEqual(1);
              const history = seen.get(k) ?? [];
              const changes = history.filter(
                (s, j) => s !== (j === 0 ? 'ok' : history[j - 1]),
              ).length;
              const recorded = transitions.filter(
                t => t.entity_ref === ref && t.slo === slo,
              );
              expect(recorded).toHaveLength(changes);
              recorded.forEach((t, j) => {
                expect(t.seq).toBe(j + 1);
                expect(t.from_state).not.toBe(t.to_state);
                expect(t.from_state).toBe(
                  j === 0 ? 'ok' : recorded[j - 1].to_state,
                );
              });
              expect(mine[0]?.state ?? 'ok').toBe(history.at(-1) ?? 'ok');
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  });
});
