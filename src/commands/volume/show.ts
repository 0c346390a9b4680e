import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { ALL_PROJECTS_LOOKUP } from '../../cli/all-projects-option.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { volumeDetails } from '../../cli/views/volume.js';

export function registerVolumeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <volume>',
      summary: 'Show a volume (by name or ID)',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume show vol1', 'ucinder volume show vol1 -f json', 'ucinder volume show vol1 -f value -c status'],
      options: { allProjects: ALL_PROJECTS_LOOKUP },
      run: async ({ f, options, args: [volume] }) => {
        const session = await f.session();
        return volumeDetails(await findVolume(session, volume, options));
      },
    },
    factoryFor,
  );
}
