// A project class whose `transaction()` batches events in memory: no database, nothing held.
export interface StoredEvent {
  readonly type: string;
  readonly payload: unknown;
}

export class EventStore {
  private readonly pending: StoredEvent[] = [];

  async transaction(work: (batch: StoredEvent[]) => Promise<void>): Promise<void> {
    const batch: StoredEvent[] = [];
    await work(batch);
    this.pending.push(...batch);
  }
}

export const events = new EventStore();
