import { Command } from 'commander';
import { registerAvailabilityZoneCommands } from '../commands/availability-zone/index.js';
import { registerClusterCommands } from '../commands/cluster/index.js';
import { registerCompletionCommands } from '../commands/completion/index.js';
import { registerConnectionCommands } from '../commands/connection/index.js';
import { registerImageCommands } from '../commands/image/index.js';
import { registerLimitsCommands } from '../commands/limits/index.js';
import { registerMessageCommands } from '../commands/message/index.js';
import { registerQuotaCommands } from '../commands/quota/index.js';
import { registerBackendShortcut } from '../commands/volume-backend/index.js';
import { registerTokenCommands } from '../commands/token/index.js';
import { registerVolumeCommands } from '../commands/volume/index.js';
import type { IOStreams } from '../output/iostreams.js';
import { VERSION } from '../version.js';
import type { FactoryProvider } from './command.js';
import { addGlobalOptions } from './global-options.js';
import { addHelpCommand } from './help-command.js';

/** The whole command tree, in the openstack client's shape. */
export function buildProgram(factoryFor: FactoryProvider, io: IOStreams): Command {
  const program = new Command('ucinder');
  // Settings made here are inherited by every subcommand created below.
  program
    .version(VERSION, '--version', 'print the ucinder version')
    .description('A fast, scriptable operator CLI for OpenStack Cinder (block storage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`ucinder: ${text.replace(/^error: /, '')}`),
    })
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true);
  addGlobalOptions(program);
  registerVolumeCommands(program, factoryFor);
  registerCompletionCommands(program, factoryFor);
  registerConnectionCommands(program, factoryFor);
  registerBackendShortcut(program, factoryFor);
  registerClusterCommands(program, factoryFor);
  registerAvailabilityZoneCommands(program, factoryFor);
  registerLimitsCommands(program, factoryFor);
  registerQuotaCommands(program, factoryFor);
  registerMessageCommands(program, factoryFor);
  registerImageCommands(program, factoryFor);
  registerTokenCommands(program, factoryFor);
  addHelpCommand(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ export OS_ENDPOINT=http://controller:8776 OS_PROJECT_ID=db135c4b5391422da5a55c81dfbf803d
  $ ucinder volume create --size 1 --type mmj2 --wait vol1
  $ ucinder volume list
  $ ucinder help volume create
`,
  );
  return program;
}
