import type { Command } from 'commander';
import { getLogLevels, LOG_LEVELS_MIN_VERSION } from '../../api/resources/log-levels.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing } from '../../output/result.js';
import { targetFrom, targetOptions } from './target.js';

/** `openstack block storage log level list`: its columns, one row per logger. */
const COLUMNS = ['Binary', 'Host', 'Prefix', 'Level'] as const;

export function registerLogLevelList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the log levels of running Cinder services (admin)',
      since: LOG_LEVELS_MIN_VERSION,
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder block storage log level list --host node1@mmj --service cinder-volume --log-prefix cinder.volume',
        'ucinder block storage log level list --service cinder-api --log-prefix sqlalchemy -f json',
      ],
      options: targetOptions('list'),
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        const levels = await getLogLevels(session, targetFrom(options));
        return listing(
          COLUMNS,
          levels.map((logger) => [logger.binary, logger.host, logger.prefix, logger.level]),
        );
      },
    },
    factoryFor,
  );
}
