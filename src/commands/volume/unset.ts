import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { deleteVolumeMetadata } from '../../api/resources/volume-actions.js';
import { applyChanges } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { collect } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';
import { volumeLabel } from '../../cli/wait/volume.js';

interface Options {
  property?: string[];
  allProjects?: boolean;
}

export function registerVolumeUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'unset <volume>',
      summary: 'Remove properties from a volume',
      output: 'none',
      examples: ['ucinder volume unset --property owner vol1', 'ucinder volume unset --property a --property b vol1'],
      configure: (command) =>
        command
          .option('--property <key>', 'property to remove (repeatable)', collect)
          .option('--all-projects', 'look the name up in every project (admin)'),
      run: async ({ f, options, args }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        const volume = await findVolume(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        await applyChanges(
          f,
          volumeLabel(volume),
          keys.map((key) => ({ what: `unset property '${key}'`, apply: () => deleteVolumeMetadata(session, volume.id, key) })),
        );
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
