import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { createTypeEncryption, updateTypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { addTypeAccess, setExtraSpecs, updateVolumeType, type VolumeTypeUpdate } from '../../api/resources/volume-types.js';
import type { CinderSession } from '../../api/session.js';
import type { VolumeType } from '../../api/resources/volume-types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import type { Factory } from '../../cli/factory.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { flag, option } from '../../cli/option-spec.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { encryptionChanges, encryptionOptions, encryptionRequested, newEncryption, type EncryptionFlags } from '../../cli/type-encryption-options.js';
import { specShortcutOptions, specsWithShortcuts } from '../../cli/type-spec-shortcuts.js';
import { UcinderError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import { NO_OUTPUT } from '../../output/result.js';

/**
 * Changes the type's encryption, or creates it when the type has none (as
 * openstack does, with the same warning); creating needs a provider.
 */
async function setEncryption(f: Factory, session: CinderSession, type: VolumeType, flags: EncryptionFlags): Promise<void> {
  try {
    await updateTypeEncryption(session, type.id, encryptionChanges(flags));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    if (flags.encryptionProvider === undefined) {
      throw new UcinderError(`volume type '${type.name}' has no encryption yet: --encryption-provider is needed to create it`);
    }
    f.io.stderr.write('No existing encryption type found, creating new encryption type for this volume type ...\n');
    await createTypeEncryption(session, type.id, newEncryption(flags));
  }
}

/** What "nothing to change" lists for --property and the shortcuts that set extra specs too. */
const PROPERTY_CHANGE = '--property (or its shortcuts)';

export function registerVolumeTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <type>',
      summary: 'Change a volume type: name, description, properties, visibility, project access, encryption',
      output: 'none',
      examples: [
        'ucinder volume type set --property volume_backend_name=mmj2 gold',
        'ucinder volume type set --name platinum --description "fastest tier" gold',
        'ucinder volume type set --private gold',
        'ucinder volume type set --project 0123456789abcdef0123456789abcdef gold',
        'ucinder volume type set --multiattach --cacheable gold',
        'ucinder volume type set --encryption-key-size 512 secret',
      ],
      nothingToChange: 'give A, B or C',
      options: {
        name: option('--name <name>', 'new name', { parse: resourceName, change: true }),
        description: option('--description <text>', 'new description', { change: true }),
        property: option('--property <key=value>', 'add or change an extra spec (repeatable)', { parse: keyValue, change: PROPERTY_CHANGE }),
        public: flag('--public', 'make the type usable by every project', { conflicts: 'private', change: true }),
        private: flag('--private', 'make the type usable only by projects given access', { change: true }),
        project: option('--project <project>', 'give this project (name or ID) access to the (private) type', { change: true }),
        ...specShortcutOptions('set', { change: PROPERTY_CHANGE }),
        ...encryptionOptions({ change: '--encryption-*' }),
      },
      run: async ({ f, options, args: [typeRef] }) => {
        const { name, description, project } = options;
        const property = specsWithShortcuts(options.property, options);
        const visibility = options.public ? true : options.private ? false : undefined;
        const encrypted = encryptionRequested(options);
        // Before any change: a name that cannot be resolved must not leave the other changes half-applied.
        const projectId = project === undefined ? undefined : await resolveProjectId(f, project);
        const session = await f.session();
        const type = await findVolumeType(session, typeRef, { action: 'change' });
        const changes: Change[] = [];
        if (name !== undefined || description !== undefined || visibility !== undefined) {
          const update: VolumeTypeUpdate = { name, description, is_public: visibility };
          changes.push({ what: 'update name, description or visibility', apply: () => updateVolumeType(session, type.id, update).then(() => undefined) });
        }
        if (property) changes.push({ what: 'set properties', apply: () => setExtraSpecs(session, type.id, property).then(() => undefined) });
        if (projectId) changes.push({ what: `give project '${project}' access`, apply: () => addTypeAccess(session, type.id, projectId) });
        if (encrypted) changes.push({ what: 'set the encryption', apply: () => setEncryption(f, session, type, options) });
        await applyChanges(f, `volume type '${type.name}'`, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
