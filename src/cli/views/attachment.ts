import type { Attachment } from '../../api/resources/attachments.js';
import { dictColumn } from '../../output/columns.js';
import { orderedDetails, type Details, type Value } from '../../output/result.js';

/**
 * `volume attachment show/create/set` as the openstack client prints them:
 * a fixed list of headers in its own order, connection_info as Properties;
 * --raw prints the attachment as Cinder returned it.
 */
export function attachmentDetails(attachment: Attachment): Details {
  const fields: Record<string, Value | ReturnType<typeof dictColumn>> = {
    ID: attachment.id,
    'Volume ID': attachment.volume_id,
    'Instance ID': attachment.instance ?? null,
    Status: attachment.status,
    'Attach Mode': attachment.attach_mode ?? null,
    'Attached At': attachment.attached_at ?? null,
    'Detached At': attachment.detached_at ?? null,
    Properties: dictColumn((attachment.connection_info ?? null) as Record<string, Value> | null),
  };
  return orderedDetails(fields, attachment as Record<string, Value>);
}
