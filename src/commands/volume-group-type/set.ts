import { Option, type Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupSpec, getGroupType, setGroupSpecs, updateGroupType, type GroupTypeUpdate } from '../../api/resources/group-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { noPropertyOption } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { groupTypeDetails } from '../../cli/views/group.js';
import { UsageError } from '../../errors.js';

interface Options {
  name?: string;
  description?: string;
  public?: boolean;
  private?: boolean;
  property?: Record<string, string>;
  noProperty?: boolean;
}

export function registerGroupTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <group-type>',
      summary: 'Change a volume group type: name, description, visibility, properties (API 3.11+)',
      output: 'details',
      examples: [
        'ucinder volume group type set --name app-group-v2 app-group',
        'ucinder volume group type set --property consistent_group_snapshot_enabled="<is> True" app-group',
        'ucinder volume group type set --no-property --property key=value app-group',
      ],
      configure: (command) =>
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <description>', 'new description')
          .addOption(new Option('--public', 'make the type usable by every project').conflicts('private'))
          .option('--private', 'make the type usable only by projects given access')
          .addOption(noPropertyOption())
          .option('--property <key=value>', 'a group spec to add or change (repeatable)', keyValue),
      run: async ({ f, options, args }) => {
        const { name, description, property } = options;
        const clearProperties = options.noProperty === true;
        const specs = property;
        const visibility = options.public ? true : options.private ? false : undefined;
        if (name === undefined && description === undefined && visibility === undefined && !specs && !clearProperties) {
          throw new UsageError('nothing to change: give --name, --description, --public, --private, --property or --no-property');
        }
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        const type = await findGroupType(session, args[0]!, { action: 'change' });
        const changes: Change[] = [];
        if (name !== undefined || description !== undefined || visibility !== undefined) {
          const update: GroupTypeUpdate = { name, description, is_public: visibility };
          changes.push({ what: 'update name, description or visibility', apply: () => updateGroupType(session, type.id, update).then(() => undefined) });
        }
        if (clearProperties) {
          for (const key of Object.keys(type.group_specs ?? {})) {
            changes.push({ what: `unset property '${key}'`, apply: () => deleteGroupSpec(session, type.id, key) });
          }
        }
        if (specs) changes.push({ what: 'set properties', apply: () => setGroupSpecs(session, type.id, specs) });
        await applyChanges(f, `volume group type '${type.name}'`, changes);
        // openstack prints the type as it is now.
        return groupTypeDetails(await getGroupType(session, type.id));
      },
    },
    factoryFor,
  );
}
