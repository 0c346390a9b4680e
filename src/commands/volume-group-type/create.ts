import type { Command } from 'commander';
import { createGroupType, getGroupType, setGroupSpecs } from '../../api/resources/group-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { VOLUME_GROUP_TYPES } from '../../cli/group-microversions.js';
import { flag, option } from '../../cli/option-spec.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { groupTypeDetails } from '../../cli/views/group.js';

export function registerGroupTypeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <name>',
      argumentParsers: { name: resourceName },
      summary: 'Create a volume group type',
      since: VOLUME_GROUP_TYPES,
      output: 'details',
      examples: [
        'ucinder volume group type create app-group',
        'ucinder volume group type create --private --description "per-app groups" app-group',
        'ucinder volume group type create --property consistent_group_snapshot_enabled="<is> True" cg-type',
      ],
      options: {
        description: option('--description <description>', 'description'),
        public: flag('--public', 'usable by every project (the default)', { conflicts: 'private' }),
        private: flag('--private', 'usable only by projects given access'),
        property: option('--property <key=value>', 'a group spec to set (repeatable)', { parse: keyValue }),
      },
      run: async ({ f, options, args: [name] }) => {
        const session = await f.session();
        const type = await createGroupType(session, { name, description: options.description, is_public: !options.private });
        if (!options.property) return groupTypeDetails(type);
        await setGroupSpecs(session, type.id, options.property);
        return groupTypeDetails(await getGroupType(session, type.id));
      },
    },
    factoryFor,
  );
}
