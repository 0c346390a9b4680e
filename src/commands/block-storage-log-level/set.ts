import { InvalidArgumentError, type Command } from 'commander';
import { LOG_LEVELS, LOG_LEVELS_MIN_VERSION, setLogLevels, type LogLevelName } from '../../api/resources/log-levels.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';
import { targetFrom, targetOptions } from './target.js';

/** Like openstack, any case: `debug` is DEBUG. */
function logLevel(value: string): LogLevelName {
  const level = value.toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new InvalidArgumentError(`'${value}' is not a log level; choose from ${LOG_LEVELS.join(', ')}.`);
  }
  return level as LogLevelName;
}

export function registerLogLevelSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <level>',
      // The level is checked (and upper-cased) by Commander, before any request.
      argumentParsers: { level: logLevel },
      summary: 'Change the log level of running Cinder services, without a restart (admin)',
      since: LOG_LEVELS_MIN_VERSION,
      output: 'none',
      examples: [
        'ucinder block storage log level set DEBUG --host node1@mmj --service cinder-volume --log-prefix cinder.volume',
        'ucinder block storage log level set INFO --host node1@mmj --service cinder-volume --log-prefix cinder.volume',
      ],
      options: targetOptions('change'),
      run: async ({ f, options, args: [level] }) => {
        const session = await f.session();
        await setLogLevels(session, level, targetFrom(options));
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
