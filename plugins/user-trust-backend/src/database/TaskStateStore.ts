import { Knex } from 'knex';

const TABLE = 'user_trust_task_state';

/**
 * Durable state of background tasks (e.g. a cursor), so that a task that
 * moves to another replica, or restarts, continues where it stopped.
 */
export class TaskStateStore {
  constructor(private readonly db: Knex) {}

  async get<T>(taskId: string): Promise<T | undefined> {
    const row = await this.db(TABLE).where({ task_id: taskId }).first('state');
    return row ? (JSON.parse(row.state) as T) : undefined;
  }

  async set<T>(taskId: string, state: T): Promise<void> {
    await this.db(TABLE)
      .insert({
        task_id: taskId,
        state: JSON.stringify(state),
        updated_at: this.db.fn.now(),
      })
      .onConflict('task_id')
      .merge(['state', 'updated_at']);
  }
}
