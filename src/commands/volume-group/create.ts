import { Option, type Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { findGroup, findGroupSnapshot, findGroupType } from '../../api/group-finders.js';
import { createGroup, createGroupFromSource, getGroup, type Group } from '../../api/resources/groups.js';
import type { CinderSession } from '../../api/session.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { collect, resourceName } from '../../cli/option-parsers.js';
import { groupDetails } from '../../cli/views/group.js';
import { groupTarget } from '../../cli/wait/group.js';
import { addWaitOptions, waitWithProgress, type WaitFlags } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';

interface Options extends WaitFlags {
  volumeGroupType?: string;
  volumeType?: string[];
  sourceGroup?: string;
  groupSnapshot?: string;
  name?: string;
  description?: string;
  availabilityZone?: string;
}

/** What to create the group from: a group type and volume types, or a source. */
type Plan =
  | { kind: 'new'; groupType: string; volumeTypes: string[] }
  | { kind: 'source'; sourceGroup?: string; groupSnapshot?: string };

/**
 * The flags as one plan, or a usage error, before any request. The older
 * openstack form `create GROUP_TYPE VOLUME_TYPE...` (positional) is
 * accepted as well as --volume-group-type/--volume-type, not mixed.
 */
function planFrom(options: Options, positional: string[]): Plan {
  const source = options.sourceGroup !== undefined || options.groupSnapshot !== undefined;
  const typed = options.volumeGroupType !== undefined || (options.volumeType ?? []).length > 0;
  if (positional.length && typed) {
    throw new UsageError('give the group type and volume types either as arguments or as --volume-group-type/--volume-type, not both');
  }
  if (source) {
    if (typed || positional.length || options.availabilityZone !== undefined) {
      throw new UsageError('--source-group and --group-snapshot take their types and zone from the source: drop the group type, volume types and --availability-zone');
    }
    return { kind: 'source', sourceGroup: options.sourceGroup, groupSnapshot: options.groupSnapshot };
  }
  const [groupType, ...volumeTypes] = positional.length ? positional : [options.volumeGroupType, ...(options.volumeType ?? [])];
  if (groupType === undefined) throw new UsageError('give --volume-group-type and --volume-type (or --source-group / --group-snapshot)');
  if (!volumeTypes.length) throw new UsageError('give at least one --volume-type for the group');
  return { kind: 'new', groupType, volumeTypes: volumeTypes as string[] };
}

async function create(session: CinderSession, plan: Plan, options: Options): Promise<Pick<Group, 'id' | 'name'>> {
  if (plan.kind === 'source') {
    requireMicroversion(session, '3.14', 'creating a volume group from a source');
    return createGroupFromSource(session, {
      source_group_id: plan.sourceGroup === undefined ? undefined : (await findGroup(session, plan.sourceGroup)).id,
      group_snapshot_id: plan.groupSnapshot === undefined ? undefined : (await findGroupSnapshot(session, plan.groupSnapshot)).id,
      name: options.name,
      description: options.description,
    });
  }
  const groupType = await findGroupType(session, plan.groupType);
  const volumeTypes = await Promise.all(plan.volumeTypes.map((type) => findVolumeType(session, type)));
  return createGroup(session, {
    group_type: groupType.id,
    volume_types: volumeTypes.map((type) => type.id),
    name: options.name,
    description: options.description,
    availability_zone: options.availabilityZone,
  });
}

export function registerGroupCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create [group-type-and-volume-types...]',
      summary: 'Create a volume group: of a group type and volume types, or from a group or group snapshot (API 3.13+)',
      output: 'details',
      examples: [
        'ucinder volume group create --volume-group-type app-group --volume-type gold --name app1 --wait',
        'ucinder volume group create --source-group app1 --name app1-copy',
        'ucinder volume group create --group-snapshot nightly --name app1-restored --wait',
      ],
      configure: (command) => {
        command
          .option('--volume-group-type <group-type>', 'group type (name or ID)')
          .option('--volume-type <volume-type>', 'a volume type the group may hold (name or ID; repeatable)', collect)
          .addOption(new Option('--source-group <group>', 'copy this group and its volumes (name or ID; API 3.14+)').conflicts('groupSnapshot'))
          .option('--group-snapshot <group-snapshot>', 'create the group and its volumes from this group snapshot (name or ID; API 3.14+)')
          .option('--name <name>', 'name of the group', resourceName)
          .option('--description <description>', 'description')
          .option('--availability-zone <zone>', 'availability zone');
        addWaitOptions(command, 'the group is available');
      },
      run: async ({ f, options, args }) => {
        const plan = planFrom(options, args);
        const session = await f.session();
        requireMicroversion(session, '3.13', 'volume groups');
        const created = await create(session, plan, options);
        if (!options.wait) return groupDetails(await getGroup(session, created.id));
        const target = groupTarget(session, created, ['available']);
        const final = await waitWithProgress(f, target, options, {
          start: `Waiting for ${target.label} to become available`,
          done: `${target.label} is available`,
        });
        return groupDetails(final);
      },
    },
    factoryFor,
  );
}
