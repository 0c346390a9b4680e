import type { Command } from 'commander';
import { findVolumeType } from '../../api/finders.js';
import { listTypeAccess } from '../../api/resources/volume-types.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { isPublic } from '../../cli/views/volume-type.js';
import { UcinderError } from '../../errors.js';
import { listing } from '../../output/result.js';

/** cinderclient's type-access-list columns (openstack shows access_project_ids in `volume type show`). */
const COLUMNS = ['Volume_type_ID', 'Project_ID'] as const;

export function registerTypeAccessList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list <volume-type>',
      summary: 'List the projects that may use a private volume type',
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume type access list gold', 'ucinder volume type access list gold -f value -c Project_ID'],
      columns: () => COLUMNS,
      run: async ({ f, args: [typeRef] }) => {
        const session = await f.session();
        const type = await findVolumeType(session, typeRef);
        if (isPublic(type)) throw new UcinderError(`volume type '${type.name}' is public: every project may use it, there is no access list`);
        const projects = await listTypeAccess(session, type.id);
        return listing(
          COLUMNS,
          projects.map((project) => [type.id, project]),
        );
      },
    },
    factoryFor,
  );
}
