import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { deleteTypeEncryption } from '../../api/resources/volume-type-encryption.js';
import { deleteExtraSpec, removeTypeAccess } from '../../api/resources/volume-types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option, repeatable } from '../../cli/option-spec.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerVolumeTypeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'unset <type>',
      summary: "Remove extra specs from a volume type, a project's access to it, or its encryption",
      output: 'none',
      examples: [
        'ucinder volume type unset --property volume_backend_name gold',
        'ucinder volume type unset --project 0123456789abcdef0123456789abcdef gold',
        'ucinder volume type unset --encryption-type secret       # refused while volumes of the type exist',
      ],
      options: {
        property: repeatable('--property <key>', 'extra spec to remove (repeatable)'),
        project: option('--project <project>', "take this project's (name or ID) access to the (private) type away"),
        encryptionType: flag('--encryption-type', 'remove the encryption of the type (admin)'),
      },
      run: async ({ f, options, args: [typeRef] }) => {
        const keys = options.property ?? [];
        const { project } = options;
        if (!keys.length && !project && !options.encryptionType) throw new UsageError('nothing to unset: give --property KEY, --project PROJECT or --encryption-type');
        // Before any change: a name that cannot be resolved must not leave the other changes half-applied.
        const projectId = project === undefined ? undefined : await resolveProjectId(f, project);
        const session = await f.session();
        const type = await findVolumeType(session, typeRef, { action: 'change' });
        const changes: Change[] = keys.map((key) => ({ what: `unset property '${key}'`, apply: () => deleteExtraSpec(session, type.id, key) }));
        if (projectId) changes.push({ what: `remove project '${project}' access`, apply: () => removeTypeAccess(session, type.id, projectId) });
        if (options.encryptionType) changes.push({ what: 'remove the encryption', apply: () => deleteTypeEncryption(session, type.id) });
        await applyChanges(f, `volume type '${type.name}'`, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
