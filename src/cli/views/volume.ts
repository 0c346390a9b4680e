import type { Volume, VolumeAttachment } from '../../api/resources/volumes.js';
import { dictColumn, formatted } from '../../output/columns.js';
import { details, type Details, type Formatted, type Value } from '../../output/result.js';

/**
 * `volume show` and `volume create` as the openstack client prints them:
 * Cinder's fields with `metadata` as `properties` and `volume_type` as
 * `type`, links dropped; --raw prints the volume as Cinder returned it.
 */
export function volumeDetails(volume: Volume): Details {
  const { links: _links, metadata, volume_type: type, ...rest } = volume as Volume & { links?: unknown };
  const fields = { ...(rest as Record<string, Value>), properties: dictColumn(metadata as Record<string, Value>), type: type ?? null };
  return details(fields, volume as unknown as Record<string, Value>);
}

/**
 * openstack's "Attached to" column: the attachments as data (json, value),
 * and `Attached to SERVER on DEVICE ` per attachment in a table, exactly as
 * the openstack client words it (trailing space included).
 */
export function attachmentsColumn(attachments: VolumeAttachment[] | undefined): Formatted {
  const list = attachments ?? [];
  const human = list.map((attachment) => `Attached to ${attachment.server_id ?? 'None'} on ${attachment.device ?? 'None'} `).join('');
  return formatted(human, list as unknown as Value);
}
