import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBlockStorageCleanup } from './cleanup.js';

/** `block storage …` verbs of its own (its `cluster` noun is registered in root.ts). */
export function registerBlockStorageCommands(blockStorage: Command, factoryFor: FactoryProvider): void {
  registerBlockStorageCleanup(blockStorage, factoryFor);
}
