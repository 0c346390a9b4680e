import type { Backup } from '../api/resources/backups.js';
import type { WaitOptions } from '../api/wait.js';
import { waitForDeletion, type StatusTarget } from '../api/wait.js';
import { mapSettledBounded } from './bounded-map.js';

type Resolved = PromiseSettledResult<Backup>;

/**
 * Backups deleted together, newest first. Cinder refuses to delete a backup
 * while it has incrementals ("Incremental backups exist for this backup",
 * cinder/backup/api.py delete()), and an incremental stops counting only once
 * the backup service has removed it (num_dependent_backups is lowered at the
 * end of the backup manager's delete_backup). So a backup with dependents is
 * deleted only after every newer backup of its volume in the same batch is
 * gone. The API does not name a backup's parent: the newer backups of the
 * same volume are its candidates, and waiting for an unrelated one only
 * costs time. Backups without dependents go at once, concurrently.
 */
export class BackupDeleteOrder {
  private readonly resolved = new Map<string, Resolved>();
  /** Settles once a backup is gone, or will not be (its deletion failed): what older backups wait for. */
  private readonly gone = new Map<string, { promise: Promise<void>; resolve: (value?: Promise<void>) => void }>();

  private constructor(
    private readonly target: (backup: Backup) => Omit<StatusTarget<Backup>, 'done'>,
    private readonly waitOptions: () => WaitOptions,
  ) {}

  /** Looks every argument up first (a bounded number at a time), since the order depends on all of them. */
  static async resolve(
    items: readonly string[],
    concurrency: number,
    find: (item: string) => Promise<Backup>,
    target: (backup: Backup) => Omit<StatusTarget<Backup>, 'done'>,
    waitOptions: () => WaitOptions,
  ): Promise<BackupDeleteOrder> {
    const order = new BackupDeleteOrder(target, waitOptions);
    const results = await mapSettledBounded(items, concurrency, find);
    items.forEach((item, index) => {
      const result = results[index]!;
      order.resolved.set(item, result);
      if (result.status === 'fulfilled' && !order.gone.has(result.value.id)) {
        let resolve!: (value?: Promise<void>) => void;
        const promise = new Promise<void>((settle) => (resolve = settle));
        order.gone.set(result.value.id, { promise, resolve });
      }
    });
    return order;
  }

  /**
   * The arguments, newest backup first (those that failed to resolve lead):
   * a backup then only ever waits for arguments that started before it, so a
   * bounded number of deletions at a time cannot all be waiting.
   */
  items(): string[] {
    const created = (item: string) => {
      const result = this.resolved.get(item);
      return result?.status === 'fulfilled' ? (result.value.created_at ?? '') : '\uffff';
    };
    return [...this.resolved.keys()].sort((a, b) => (created(a) < created(b) ? 1 : created(a) > created(b) ? -1 : 0));
  }

  /**
   * Deletes the backup an argument names with `send`, once every newer
   * backup of its volume in the batch is gone (when it has incrementals).
   */
  async delete(item: string, send: (backup: Backup) => Promise<void>): Promise<Backup> {
    const result = this.resolved.get(item);
    if (!result) throw new Error(`not resolved: ${item}`);
    if (result.status === 'rejected') throw result.reason;
    const backup = result.value;
    if (backup.has_dependent_backups) {
      // A newer backup that failed to delete leaves Cinder's own refusal for this one.
      await Promise.all(this.newerOfSameVolume(backup).map((newer) => this.gone.get(newer.id)!.promise));
    }
    const gone = this.gone.get(backup.id)!;
    try {
      await send(backup);
    } catch (error) {
      gone.resolve();
      throw error;
    }
    if (this.olderWithDependents(backup)) {
      gone.resolve(waitForDeletion(this.target(backup), this.waitOptions()).catch(() => undefined));
    } else {
      gone.resolve();
    }
    return backup;
  }

  private backups(): Backup[] {
    return [...this.resolved.values()].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  private newerOfSameVolume(backup: Backup): Backup[] {
    return this.backups().filter((other) => other.id !== backup.id && other.volume_id === backup.volume_id && (other.created_at ?? '') > (backup.created_at ?? ''));
  }

  private olderWithDependents(backup: Backup): boolean {
    return this.backups().some(
      (other) => other.has_dependent_backups && other.id !== backup.id && other.volume_id === backup.volume_id && (other.created_at ?? '') < (backup.created_at ?? ''),
    );
  }
}
