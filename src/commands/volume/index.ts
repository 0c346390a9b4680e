import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeBackendCommands } from '../volume-backend/index.js';
import { registerVolumeHostCommands } from '../volume-host/index.js';
import { registerVolumeServiceCommands } from '../volume-service/index.js';
import { registerVolumeSnapshotCommands } from '../volume-snapshot/index.js';
import { registerVolumeTypeCommands } from '../volume-type/index.js';
import { registerVolumeCreate } from './create.js';
import { registerVolumeDelete } from './delete.js';
import { registerVolumeList } from './list.js';
import { registerVolumeMigrate } from './migrate.js';
import { registerVolumeSet } from './set.js';
import { registerVolumeShow } from './show.js';
import { registerVolumeUnset } from './unset.js';

export function registerVolumeCommands(program: Command, factoryFor: FactoryProvider): void {
  const volume = program.command('volume').summary('Volumes, volume types and services').description('Volumes, volume types and services');
  registerVolumeCreate(volume, factoryFor);
  registerVolumeList(volume, factoryFor);
  registerVolumeShow(volume, factoryFor);
  registerVolumeDelete(volume, factoryFor);
  registerVolumeSet(volume, factoryFor);
  registerVolumeUnset(volume, factoryFor);
  registerVolumeMigrate(volume, factoryFor);
  const type = volume.command('type').summary('Volume types').description('Volume types');
  registerVolumeTypeCommands(type, factoryFor);
  const service = volume.command('service').summary('Cinder services').description('Cinder services');
  registerVolumeServiceCommands(service, factoryFor);
  const snapshot = volume.command('snapshot').summary('Volume snapshots').description('Volume snapshots');
  registerVolumeSnapshotCommands(snapshot, factoryFor);
  const host = volume.command('host').summary('Volume backend hosts (freeze/thaw)').description('Volume backend hosts (freeze/thaw)');
  registerVolumeHostCommands(host, factoryFor);
  registerVolumeBackendCommands(volume, factoryFor);

  // The seed's wording: `ucinder type create`, `ucinder service list`.
  const typeShortcut = program.command('type').summary("Shortcut for 'volume type'").description("Shortcut for 'volume type'");
  registerVolumeTypeCommands(typeShortcut, factoryFor);
  const serviceShortcut = program.command('service').summary("Shortcut for 'volume service'").description("Shortcut for 'volume service'");
  registerVolumeServiceCommands(serviceShortcut, factoryFor);
}
