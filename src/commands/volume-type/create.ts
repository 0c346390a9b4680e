import type { Command } from 'commander';
import { createTypeEncryption, type TypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { addTypeAccess, createVolumeType } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { encryptionOptions, encryptionRequested, newEncryption } from '../../cli/type-encryption-options.js';
import { specShortcutOptions, specsWithShortcuts } from '../../cli/type-spec-shortcuts.js';
import { volumeTypeCreateDetails } from '../../cli/views/volume-type.js';
import { InterruptedError, UcinderError, UsageError } from '../../errors.js';

export function registerVolumeTypeCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <name>',
      argumentParsers: { name: resourceName },
      summary: 'Create a volume type',
      output: 'details',
      examples: [
        'ucinder volume type create --property volume_backend_name=huawei huawei',
        'ucinder volume type create --private --description "gold tier" gold',
        'ucinder volume type create --private --project 0123456789abcdef0123456789abcdef gold',
        'ucinder volume type create --multiattach --availability-zone az1 --availability-zone az2 shared',
        'ucinder volume type create --encryption-provider luks --encryption-cipher aes-xts-plain64 --encryption-key-size 256 secret',
      ],
      options: {
        property: option('--property <key=value>', 'extra spec (repeatable), e.g. volume_backend_name=mmj2', { parse: keyValue }),
        public: flag('--public', 'usable by every project (default)', { conflicts: 'private' }),
        private: flag('--private', 'usable only by projects given access'),
        project: option('--project <project>', 'give this project (name or ID) access to the new (--private) type'),
        description: option('--description <text>', 'description'),
        ...specShortcutOptions('set'),
        ...encryptionOptions(),
      },
      run: async ({ f, options, args: [name] }) => {
        // As openstack: access is only for private types, and this is checked before anything is created.
        if (options.project && !options.private) throw new UsageError('--project is only allowed with --private');
        const encrypted = encryptionRequested(options);
        if (encrypted && options.encryptionProvider === undefined) {
          throw new UsageError('--encryption-provider is needed to give a new volume type encryption');
        }
        // Before anything is created: a project name that cannot be resolved must not leave a type behind.
        const projectId = options.project === undefined ? undefined : await resolveProjectId(f, options.project);
        const specs = specsWithShortcuts(options.property, options);
        const session = await f.session();
        const type = await createVolumeType(session, {
          name,
          description: options.description,
          extra_specs: specs,
          'os-volume-type-access:is_public': !options.private,
        });
        // The type exists now: a failure says so, so that a retry does not try to create it again.
        const afterCreate = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
          try {
            return await step();
          } catch (error) {
            if (error instanceof InterruptedError) throw error;
            throw new UcinderError(`volume type '${type.name}' (${type.id}) was created, but ${what} failed: ${(error as Error).message}`);
          }
        };
        if (projectId) await afterCreate(`giving project '${options.project}' access`, () => addTypeAccess(session, type.id, projectId));
        let encryption: TypeEncryption | undefined;
        if (encrypted) encryption = await afterCreate('setting its encryption', () => createTypeEncryption(session, type.id, newEncryption(options)));
        return volumeTypeCreateDetails(type, specs !== undefined, encryption);
      },
    },
    factoryFor,
  );
}
