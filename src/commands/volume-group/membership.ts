import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { findGroup } from '../../api/group-finders.js';
import { updateGroup } from '../../api/resources/groups.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { groupTarget } from '../../cli/wait/group.js';
import { addWaitOptions, waitWithProgress, type WaitFlags } from '../../cli/wait/progress.js';
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
  return defineUntypedCommand<WaitFlags>(
    parent,
    {
      usage: 'volume <group> <volume...>',
      summary: adding ? 'Add volumes to a volume group (API 3.13+)' : 'Remove volumes from a volume group (API 3.13+)',
      output: 'none',
      examples: [`ucinder volume group ${change} volume app1 data1 data2`, `ucinder volume group ${change} volume --wait app1 data1`],
      configure: (command) => addWaitOptions(command, 'the group is available again'),
      run: async ({ f, options, args }) => {
        const [groupRef, ...volumeRefs] = args as [string, ...string[]];
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
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
