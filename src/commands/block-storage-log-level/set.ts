import { InvalidArgumentError, type Command } from 'commander';
import { LOG_LEVELS, LOG_LEVELS_MIN_VERSION, setLogLevels, type LogLevelName } from '../../api/resources/log-levels.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';
import { addTargetOptions, targetFrom, type TargetOptions } from './target.js';

/** Like openstack, any case: `debug` is DEBUG. */
function logLevel(value: string): LogLevelName {
  const level = value.toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new InvalidArgumentError(`'${value}' is not a log level; choose from ${LOG_LEVELS.join(', ')}.`);
  }
  return level as LogLevelName;
}

export function registerLogLevelSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<TargetOptions>(
    parent,
    {
      usage: 'set <level>',
      summary: 'Change the log level of running Cinder services, without a restart (API 3.32+, admin)',
      output: 'none',
      examples: [
        'ucinder block storage log level set DEBUG --host node1@mmj --service cinder-volume --log-prefix cinder.volume',
        'ucinder block storage log level set INFO --host node1@mmj --service cinder-volume --log-prefix cinder.volume',
      ],
      configure: (command) => {
        // The level is checked (and upper-cased) by Commander, before any request.
        command.registeredArguments[0]?.argParser(logLevel);
        addTargetOptions(command, 'change');
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, LOG_LEVELS_MIN_VERSION, 'block storage log level set');
        await setLogLevels(session, args[0] as LogLevelName, targetFrom(options));
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
