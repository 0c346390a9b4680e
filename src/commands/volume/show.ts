import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { volumeDetails } from '../../cli/views/volume.js';

export function registerVolumeShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<{ allProjects?: boolean }>(
    parent,
    {
      usage: 'show <volume>',
      summary: 'Show a volume (by name or ID)',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume show vol1', 'ucinder volume show vol1 -f json', 'ucinder volume show vol1 -f value -c status'],
      configure: (command) => command.option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        return volumeDetails(await findVolume(session, args[0]!, options));
      },
    },
    factoryFor,
  );
}
