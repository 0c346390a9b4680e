import { Option, type Command } from 'commander';
import { createGroupType, getGroupType, setGroupSpecs } from '../../api/resources/group-types.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { groupTypeDetails } from '../../cli/views/group.js';

interface Options {
  description?: string;
  public?: boolean;
  private?: boolean;
  property?: Record<string, string>;
}

export function registerGroupTypeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create <name>',
      summary: 'Create a volume group type (API 3.11+)',
      output: 'details',
      examples: [
        'ucinder volume group type create app-group',
        'ucinder volume group type create --private --description "per-app groups" app-group',
        'ucinder volume group type create --property consistent_group_snapshot_enabled="<is> True" cg-type',
      ],
      configure: (command) => {
        command.registeredArguments[0]?.argParser(resourceName);
        command
          .option('--description <description>', 'description')
          .addOption(new Option('--public', 'usable by every project (the default)').conflicts('private'))
          .option('--private', 'usable only by projects given access')
          .option('--property <key=value>', 'a group spec to set (repeatable)', keyValue);
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, '3.11', 'volume group types');
        const type = await createGroupType(session, { name: args[0]!, description: options.description, is_public: !options.private });
        if (!options.property) return groupTypeDetails(type);
        await setGroupSpecs(session, type.id, options.property);
        return groupTypeDetails(await getGroupType(session, type.id));
      },
    },
    factoryFor,
  );
}
