import { Option, type Command } from 'commander';
import { addTypeAccess, createVolumeType } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { volumeTypeCreateDetails } from '../../cli/views/volume-type.js';
import { InterruptedError, UcinderError, UsageError } from '../../errors.js';

interface Options {
  property?: Record<string, string>;
  public?: boolean;
  private?: boolean;
  project?: string;
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
        'ucinder volume type create --private --project 0123456789abcdef0123456789abcdef gold',
      ],
      configure: (command) => {
        command.registeredArguments[0]?.argParser(resourceName);
        command
          .option('--property <key=value>', 'extra spec (repeatable), e.g. volume_backend_name=mmj2', keyValue)
          .addOption(new Option('--public', 'usable by every project (default)').conflicts('private'))
          .option('--private', 'usable only by projects given access')
          .option('--project <project-id>', 'give this project access to the new (--private) type')
          .option('--description <text>', 'description');
      },
      run: async ({ f, options, args }) => {
        // As openstack: access is only for private types, and this is checked before anything is created.
        if (options.project && !options.private) throw new UsageError('--project is only allowed with --private');
        const session = await f.session();
        const type = await createVolumeType(session, {
          name: args[0]!,
          description: options.description,
          extra_specs: options.property,
          'os-volume-type-access:is_public': options.private ? false : true,
        });
        if (options.project) {
          try {
            await addTypeAccess(session, type.id, options.project);
          } catch (error) {
            if (error instanceof InterruptedError) throw error;
            // The type exists now: say so, so a retry does not try to create it again.
            throw new UcinderError(`volume type '${type.name}' (${type.id}) was created, but giving project '${options.project}' access failed: ${(error as Error).message}`);
          }
        }
        return volumeTypeCreateDetails(type, options.property !== undefined);
      },
    },
    factoryFor,
  );
}
