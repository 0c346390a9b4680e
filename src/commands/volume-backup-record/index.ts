import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBackupRecordExport } from './export.js';
import { registerBackupRecordImport } from './import.js';

/** `volume backup record …` */
export function registerVolumeBackupRecordCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerBackupRecordExport(parent, factoryFor);
  registerBackupRecordImport(parent, factoryFor);
}
