import type { Volume, VolumeAttachment } from '../../api/types.js';
import { details, type Details, type Value } from '../../output/result.js';

/** `volume show` and `volume create`: Cinder's own field names, links dropped. */
export function volumeDetails(volume: Volume): Details {
  const fields: Record<string, Value> = {};
  for (const [name, value] of Object.entries(volume)) {
    if (name !== 'links') fields[name] = value as Value;
  }
  return details(fields);
}

/** "Attached to" as the openstack client words it, for hosts as for servers. */
export function describeAttachments(attachments: VolumeAttachment[] | undefined): string {
  return (attachments ?? [])
    .map((attachment) => {
      const holder = attachment.server_id || attachment.host_name || 'unknown';
      return attachment.device ? `Attached to ${holder} on ${attachment.device}` : `Attached to ${holder}`;
    })
    .join(', ');
}
