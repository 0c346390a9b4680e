import type { Command } from 'commander';
import { findGroupType } from '../../api/group-finders.js';
import { deleteGroupSpec, getGroupType, setGroupSpecs, updateGroupType, type GroupTypeUpdate } from '../../api/resources/group-types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { noPropertyFlag } from '../../cli/no-property-option.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { flag, option } from '../../cli/option-spec.js';
import { groupTypeDetails } from '../../cli/views/group.js';

export function registerGroupTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <group-type>',
      summary: 'Change a volume group type: name, description, visibility, properties',
      since: VOLUME_GROUP_TYPES,
      output: 'details',
      examples: [
        'ucinder volume group type set --name app-group-v2 app-group',
        'ucinder volume group type set --property consistent_group_snapshot_enabled="<is> True" app-group',
        'ucinder volume group type set --no-property --property key=value app-group',
      ],
      nothingToChange: 'give A, B or C',
      options: {
        name: option('--name <name>', 'new name', { parse: resourceName, change: true }),
        description: option('--description <description>', 'new description', { change: true }),
        public: flag('--public', 'make the type usable by every project', { conflicts: 'private', change: true }),
        private: flag('--private', 'make the type usable only by projects given access', { change: true }),
        // --property before --no-property, as in every other set command (and its "nothing to change" line).
        property: option('--property <key=value>', 'a group spec to add or change (repeatable)', { parse: keyValue, change: true }),
        noProperty: noPropertyFlag({ change: true }),
      },
      run: async ({ f, options, args: [typeRef] }) => {
        const { name, description, property } = options;
        const clearProperties = options.noProperty === true;
        const specs = property;
        const visibility = options.public ? true : options.private ? false : undefined;
        const session = await f.session();
        const type = await findGroupType(session, typeRef, { action: 'change' });
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
