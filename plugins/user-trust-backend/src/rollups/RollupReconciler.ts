import { LoggerService } from '@backstage/backend-plugin-api';
import { RollupStore } from './RollupStore';
import { TaskStateStore } from '../database/TaskStateStore';

/** Id of the scheduled task, and the key of its cursor. */
export const RECONCILE_TASK_ID = 'user-trust:rollups:reconcile';
/** Entities compared with a recount of their signals per run. */
export const DEFAULT_RECONCILE_ENTITIES_PER_RUN = 100;

type Cursor = { after: string; checked: number; repaired: number };

/**
 * Walks every entity with signals or rollups, a bounded page per run, and
 * repairs rollups that differ from a recount of the stored signals. Rollups
 * are maintained exactly by ingestion; this is the safety net that makes a
 * drift (a bug, a manual fix in the database) heal by itself instead of
 * lasting forever. The cursor is stored, so a pass continues on whichever
 * replica runs the next slot.
 */
export class RollupReconciler {
  constructor(
    private readonly options: {
      rollups: RollupStore;
      state: TaskStateStore;
      logger: LoggerService;
      entitiesPerRun: number;
      /** Told which entities had rollups repaired (caches, health rows). */
      onRepaired: (entityRefs: string[]) => Promise<void>;
    },
  ) {}

  /** One bounded step of the walk; answers the rows it repaired. */
  async runOnce(): Promise<number> {
    const { rollups, state, logger, entitiesPerRun, onRepaired } = this.options;
    const cursor = (await state.get<Cursor>(RECONCILE_TASK_ID)) ?? {
      after: '',
      checked: 0,
      repaired: 0,
    };
    const refs = await rollups.entityRefsAfter(cursor.after, entitiesPerRun);
    const drifts = await rollups.reconcile(refs);

    for (const d of drifts) {
      logger.warn(
        `Repaired a drifted rollup of ${d.entityRef} (query ${d.hash.slice(
          0,
          12,
        )}, ${d.day}): stored ${d.stored.count} signals / sum ${
          d.stored.sum
        }, recounted ${d.counted.count} / ${d.counted.sum}`,
      );
    }
    if (drifts.length > 0) {
      await onRepaired([...new Set(drifts.map(d => d.entityRef))]);
    }

    const checked = cursor.checked + refs.length;
    const repaired = cursor.repaired + drifts.length;
    if (refs.length < entitiesPerRun) {
      // The end of the walk: report the pass and start over.
      logger.info(
        `Rollup reconciliation pass done: ${checked} entities checked, ${repaired} rollup rows repaired`,
      );
      await state.set<Cursor>(RECONCILE_TASK_ID, {
        after: '',
        checked: 0,
        repaired: 0,
      });
    } else {
      await state.set<Cursor>(RECONCILE_TASK_ID, {
        after: refs[refs.length - 1],
        checked,
        repaired,
      });
    }
    return drifts.length;
  }
}
