import { Option, type Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { addTypeAccess, setExtraSpecs, updateVolumeType, type VolumeTypeUpdate } from '../../api/resources/volume-types.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  name?: string;
  description?: string;
  property?: Record<string, string>;
  public?: boolean;
  private?: boolean;
  project?: string;
}

export function registerVolumeTypeSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'set <type>',
      summary: 'Change a volume type: name, description, properties, visibility, project access',
      output: 'none',
      examples: [
        'ucinder volume type set --property volume_backend_name=mmj2 gold',
        'ucinder volume type set --name platinum --description "fastest tier" gold',
        'ucinder volume type set --private gold',
        'ucinder volume type set --project 0123456789abcdef0123456789abcdef gold',
      ],
      configure: (command) =>
        command
          .option('--name <name>', 'new name', resourceName)
          .option('--description <text>', 'new description')
          .option('--property <key=value>', 'add or change an extra spec (repeatable)', keyValue)
          .addOption(new Option('--public', 'make the type usable by every project').conflicts('private'))
          .option('--private', 'make the type usable only by projects given access')
          .option('--project <project>', 'give this project (name or ID) access to the (private) type'),
      run: async ({ f, options, args }) => {
        const { name, description, property, project } = options;
        const visibility = options.public ? true : options.private ? false : undefined;
        if (name === undefined && description === undefined && !property && visibility === undefined && !project) {
          throw new UsageError('nothing to change: give --name, --description, --property, --public, --private or --project');
        }
        // Before any change: a name that cannot be resolved must not leave the other changes half-applied.
        const projectId = project === undefined ? undefined : await resolveProjectId(f, project);
        const session = await f.session();
        const type = await findVolumeType(session, args[0]!, { action: 'change' });
        const changes: Change[] = [];
        if (name !== undefined || description !== undefined || visibility !== undefined) {
          const update: VolumeTypeUpdate = { name, description, is_public: visibility };
          changes.push({ what: 'update name, description or visibility', apply: () => updateVolumeType(session, type.id, update).then(() => undefined) });
        }
        if (property) changes.push({ what: 'set properties', apply: () => setExtraSpecs(session, type.id, property).then(() => undefined) });
        if (projectId) changes.push({ what: `give project '${project}' access`, apply: () => addTypeAccess(session, type.id, projectId) });
        await applyChanges(f, `volume type '${type.name}'`, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
