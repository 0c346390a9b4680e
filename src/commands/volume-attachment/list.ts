import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { ATTACHMENTS_MICROVERSION, listAttachments, type Attachment } from '../../api/resources/attachments.js';
import { getVolume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { listing } from '../../output/result.js';

/** `openstack volume attachment list`: its columns. */
const SHORT = ['ID', 'Volume ID', 'Server ID', 'Status'] as const;
/** ucinder's --long: where the volume is attached and since when (the host from the volume's attachment record). */
const LONG = [...SHORT, 'Attach Mode', 'Attached At', 'Host', 'Volume Status'] as const;

export function registerAttachmentList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List volume attachments',
      since: ATTACHMENTS_MICROVERSION,
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume attachment list --all-projects --long',
        'ucinder volume attachment list --volume vol1',
        'ucinder volume attachment list --all-projects --status reserved -f value -c ID',
      ],
      options: {
        allProjects: flag('--all-projects', 'attachments of every project (admin)'),
        volume: option('--volume <volume>', "only this volume's attachments (name or ID)", { conflicts: 'volumeId' }),
        volumeId: option('--volume-id <volume-id>', "only this volume's attachments (ID, as openstack)"),
        status: option('--status <status>', 'only attachments in this status (reserved, attaching, attached, detached, error_attaching, …)'),
        marker: option('--marker <attachment-id>', 'start after this attachment'),
        limit: option('--limit <n>', 'at most this many attachments', { parse: positiveInteger }),
        long: flag('--long', "also show the attach mode, when, the host it is attached to and the volume's status (one request per volume)"),
      },
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const volumeId = options.volume ? (await findVolume(session, options.volume, { allProjects: options.allProjects })).id : options.volumeId;
        const attachments = await listAttachments(session, {
          allProjects: options.allProjects,
          volumeId,
          status: options.status,
          marker: options.marker,
          limit: options.limit,
        });
        const short = (attachment: Attachment) => [attachment.id, attachment.volume_id, attachment.instance ?? null, attachment.status];
        if (!options.long) return listing(SHORT, attachments.map(short));
        const volumes = await volumesOf(session, attachments);
        return listing(
          LONG,
          attachments.map((attachment) => {
            const volume = volumes.get(attachment.volume_id);
            const record = volume?.attachments?.find((entry) => (entry.attachment_id ?? entry.id) === attachment.id);
            return [...short(attachment), attachment.attach_mode ?? null, attachment.attached_at || null, record?.host_name ?? null, volume?.status ?? null];
          }),
        );
      },
    },
    factoryFor,
  );
}

/** The attachments' volumes, each read once, a few at a time; a volume that cannot be read stays out. */
async function volumesOf(session: CinderSession, attachments: Attachment[]): Promise<Map<string, Volume>> {
  const ids = [...new Set(attachments.map((attachment) => attachment.volume_id))];
  const results = await mapSettledBounded(ids, 8, (id) => getVolume(session, id));
  const volumes = new Map<string, Volume>();
  results.forEach((result) => {
    if (result.status === 'fulfilled') volumes.set(result.value.id, result.value);
  });
  return volumes;
}
