import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { findGroup } from '../../api/group-finders.js';
import { updateGroup } from '../../api/resources/groups.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { groupTarget } from '../../cli/wait/group.js';
import { waitOptions, waitWithProgress } from '../../cli/wait/progress.js';
import { NO_OUTPUT } from '../../output/result.js';

/**
 * `volume group add volume` and `volume group remove volume` (the openstack
 * client's `consistency group add volume` wording; cinderclient's
 * group-update --add-volumes/--remove-volumes): one update of the group with
 * every volume, which Cinder applies asynchronously (the group is
 * `updating` meanwhile).
 */
export function defineGroupMembershipChange(parent: Command, factoryFor: FactoryProvider, change: 'add' | 'remove'): Command {
  const adding = change === 'add';
  return defineCommand(
    parent,
    {
      usage: 'volume <group> <volume...>',
      summary: adding ? 'Add volumes to a volume group' : 'Remove volumes from a volume group',
      since: VOLUME_GROUPS,
      output: 'none',
      examples: [`ucinder volume group ${change} volume app1 data1 data2`, `ucinder volume group ${change} volume --wait app1 data1`],
      options: waitOptions('the group is available again'),
      run: async ({ f, options, args: [groupRef, volumeRefs] }) => {
        const session = await f.session();
        const group = await findGroup(session, groupRef, { action: 'change' });
        const volumes = await Promise.all(volumeRefs.map((ref) => findVolume(session, ref, { action: adding ? 'add to a group' : 'remove from a group' })));
        const ids = volumes.map((volume) => volume.id).join(',');
        await updateGroup(session, group.id, adding ? { add_volumes: ids } : { remove_volumes: ids });
        if (options.wait) {
          const target = groupTarget(session, group, ['available']);
          await waitWithProgress(f, target, options, { start: `Waiting for ${target.label} to be updated`, done: `${target.label} is available` });
        }
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
