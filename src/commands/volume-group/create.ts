import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { findGroup, findGroupSnapshot, findGroupType } from '../../api/group-finders.js';
import { createGroup, createGroupFromSource, getGroup, type Group } from '../../api/resources/groups.js';
import type { CinderSession } from '../../api/session.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUPS } from '../../cli/group-microversions.js';
import { option, repeatable, type OptionValues } from '../../cli/option-spec.js';
import { resourceName } from '../../cli/option-parsers.js';
import { groupDetails } from '../../cli/views/group.js';
import { groupTarget } from '../../cli/wait/group.js';
import { waitOptions, waitWithProgress } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';

/** Copying a group, or making one from a group snapshot, came after groups themselves. */
const FROM_SOURCE = { version: '3.14', feature: 'creating a volume group from a source' };

const OPTIONS = {
  volumeGroupType: option('--volume-group-type <group-type>', 'group type (name or ID)'),
  volumeType: repeatable('--volume-type <volume-type>', 'a volume type the group may hold (name or ID; repeatable)'),
  sourceGroup: option('--source-group <group>', 'copy this group and its volumes (name or ID)', { conflicts: 'groupSnapshot', since: FROM_SOURCE }),
  groupSnapshot: option('--group-snapshot <group-snapshot>', 'create the group and its volumes from this group snapshot (name or ID)', { since: FROM_SOURCE }),
  name: option('--name <name>', 'name of the group', { parse: resourceName }),
  description: option('--description <description>', 'description'),
  availabilityZone: option('--availability-zone <zone>', 'availability zone'),
  ...waitOptions('the group is available'),
};
type Options = OptionValues<typeof OPTIONS>;

/** What to create the group from: a group type and volume types, or a source. */
type Plan = { kind: 'new'; groupType: string; volumeTypes: string[] } | { kind: 'source'; sourceGroup?: string; groupSnapshot?: string };

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
  const groupType = positional.length ? positional[0] : options.volumeGroupType;
  const volumeTypes = positional.length ? positional.slice(1) : (options.volumeType ?? []);
  if (groupType === undefined) throw new UsageError('give --volume-group-type and --volume-type (or --source-group / --group-snapshot)');
  if (!volumeTypes.length) throw new UsageError('give at least one --volume-type for the group');
  return { kind: 'new', groupType, volumeTypes };
}

async function create(session: CinderSession, plan: Plan, options: Options): Promise<Pick<Group, 'id' | 'name'>> {
  if (plan.kind === 'source') {
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
  return defineCommand(
    parent,
    {
      usage: 'create [group-type-and-volume-types...]',
      summary: 'Create a volume group: of a group type and volume types, or from a group or group snapshot',
      since: VOLUME_GROUPS,
      output: 'details',
      examples: [
        'ucinder volume group create --volume-group-type app-group --volume-type gold --name app1 --wait',
        'ucinder volume group create --source-group app1 --name app1-copy',
        'ucinder volume group create --group-snapshot nightly --name app1-restored --wait',
      ],
      options: OPTIONS,
      run: async ({ f, options, args: [positional] }) => {
        const plan = planFrom(options, positional);
        const session = await f.session();
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
