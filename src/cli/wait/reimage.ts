import { getVolume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { StatusTarget } from '../../api/wait.js';
import { WaitError } from '../../errors.js';
import type { Factory } from '../factory.js';
import { loggedUnder, messageForRequest, volumeServiceOf } from './failure-logs.js';
import { waitWithProgress, type WaitFlags } from './progress.js';
import { volumeLabel } from './volume.js';

/** What `volume reimage` sent: the image, and the request ID the services log it under. */
interface SentReimage {
  imageId: string;
  requestId?: string;
}

/**
 * Follows a re-image until the volume leaves `downloading`. Cinder then puts
 * back the status the volume had before (volume/manager.py reimage), so a
 * volume re-imaged from `error` ends in `error` whether it worked or not:
 * then the volume's image metadata, which a successful re-image rewrites,
 * tells the two apart. A failure sets `error`; Cinder files a user message
 * only for an image format it refuses, otherwise the reason is in the log.
 */
export async function waitForReimage(f: Factory, session: CinderSession, before: Volume, sent: SentReimage, flags: WaitFlags): Promise<Volume> {
  const label = volumeLabel(before);
  const explain = async (current: Volume) =>
    (await messageForRequest(session, current.id, sent.requestId)) ?? `Cinder left no user message; ${loggedUnder(sent.requestId)} in the log of ${volumeServiceOf(current)}`;
  const target: StatusTarget<Volume> = {
    label,
    fetch: () => getVolume(session, before.id),
    status: (current) => current.status,
    done: [before.status],
    failed: (status) => status.startsWith('error'),
    explain,
  };
  const final = await waitWithProgress(f, target, flags, { start: `Waiting for ${label} to be re-imaged`, done: `${label} is re-imaged` });
  if (final.volume_image_metadata?.image_id !== sent.imageId) {
    throw new WaitError(`${label} is in status '${final.status}' without the image ${sent.imageId}: ${await explain(final)}`);
  }
  return final;
}
