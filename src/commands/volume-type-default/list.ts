import type { Command } from 'commander';
import { getDefaultType, listDefaultTypes } from '../../api/resources/default-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { option } from '../../cli/option-spec.js';
import { DEFAULT_TYPES } from './default-types.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { listing } from '../../output/result.js';

/** cinderclient's columns (openstack has no such command). */
const COLUMNS = ['Volume Type ID', 'Project ID'] as const;

export function registerDefaultTypeList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the projects that have a default volume type of their own (admin)',
      since: DEFAULT_TYPES,
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume type default list', 'ucinder volume type default list --project 0123456789abcdef0123456789abcdef'],
      options: { project: option('--project <project>', "only this project's default (an error when it has none)") },
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const projectId = options.project === undefined ? undefined : await resolveProjectId(f, options.project);
        const session = await f.session();
        const defaults = projectId === undefined ? await listDefaultTypes(session) : [await getDefaultType(session, projectId)];
        return listing(
          COLUMNS,
          defaults.map((entry) => [entry.volume_type_id, entry.project_id]),
        );
      },
    },
    factoryFor,
  );
}
