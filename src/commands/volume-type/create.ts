import { Option, type Command } from 'commander';
import { createVolumeType } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { volumeTypeDetails } from '../../cli/views/volume-type.js';

interface Options {
  property?: Record<string, string>;
  public?: boolean;
  private?: boolean;
  description?: string;
}

export function registerVolumeTypeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'create <name>',
      summary: 'Create a volume type',
      output: 'details',
      examples: [
        'ucinder volume type create --property volume_backend_name=huawei huawei',
        'ucinder volume type create --private --description "gold tier" gold',
      ],
      configure: (command) => {
        command.registeredArguments[0]?.argParser(resourceName);
        command
          .option('--property <key=value>', 'extra spec (repeatable), e.g. volume_backend_name=mmj2', keyValue)
          .addOption(new Option('--public', 'usable by every project (default)').conflicts('private'))
          .option('--private', 'usable only by projects given access')
          .option('--description <text>', 'description');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        const type = await createVolumeType(session, {
          name: args[0]!,
          description: options.description,
          extra_specs: options.property,
          'os-volume-type-access:is_public': options.private ? false : true,
        });
        return volumeTypeDetails(type);
      },
    },
    factoryFor,
  );
}
