import { ApiError } from '../http/errors.js';

/** Where a deletion that Cinder refused to start stands; undefined: it was a real refusal. */
type DeletionUnderWay = 'deleting' | 'gone';

/**
 * Cinder refuses to delete a resource that is already `deleting` (two
 * scripts, one volume; or a retry after a lost answer) with the same 400 as
 * one that cannot be deleted at all ("Volume status must be available or
 * error or ... and must not be migrating, attached, ..."), never saying
 * which. The resource's status says: 'deleting' means another request's
 * deletion is under way, which is what this delete asked for; a 404 means
 * that deletion has finished meanwhile (the 400 proved the resource existed).
 */
async function deletionUnderWay(refusal: unknown, fetchStatus: () => Promise<string>): Promise<DeletionUnderWay | undefined> {
  if (!(refusal instanceof ApiError) || refusal.status !== 400) return undefined;
  try {
    return (await fetchStatus()) === 'deleting' ? 'deleting' : undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return 'gone';
    // Cannot tell: Cinder's own refusal is the better error to show.
    return undefined;
  }
}

interface JoinableDeletion {
  /** Sends the DELETE. */
  send: () => Promise<unknown>;
  /** The resource's current status (a 404 when it is gone). */
  fetchStatus: () => Promise<string>;
  /** "volume 'vol1'". */
  label: string;
  note: (line: string) => void;
}

/**
 * Sends a DELETE; a refusal because the resource is already being deleted
 * counts as done (with a note saying so), so `--wait` then waits for that
 * deletion. Any other refusal is thrown as Cinder worded it.
 */
export async function deleteOrJoin(deletion: JoinableDeletion): Promise<void> {
  try {
    await deletion.send();
  } catch (error) {
    const state = await deletionUnderWay(error, deletion.fetchStatus);
    if (!state) throw error;
    deletion.note(state === 'deleting' ? `${deletion.label} is already being deleted (status 'deleting')` : `${deletion.label} has meanwhile been deleted by another request`);
  }
}
