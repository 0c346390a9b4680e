import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBackendCapabilityShow } from './capability-show.js';
import { registerBackendPoolList } from './pool-list.js';

/** `volume backend pool list`, `volume backend capability show` (admin, scheduler's view). */
export function registerVolumeBackendCommands(volume: Command, factoryFor: FactoryProvider): void {
  const backend = volume.command('backend').summary('Backend pools and capabilities').description('Backend pools and capabilities');
  const pool = backend.command('pool').summary('Backend pools').description('Backend pools');
  registerBackendPoolList(pool, factoryFor);
  const capability = backend.command('capability').summary('Backend capabilities').description('Backend capabilities');
  registerBackendCapabilityShow(capability, factoryFor);
}

/** The operators' wording "cinder list backend": `ucinder backend list` = `volume backend pool list`. */
export function registerBackendShortcut(program: Command, factoryFor: FactoryProvider): void {
  const backend = program.command('backend').summary("Shortcut: 'backend list' = 'volume backend pool list'").description("Shortcut: 'backend list' = 'volume backend pool list'");
  registerBackendPoolList(backend, factoryFor);
}
