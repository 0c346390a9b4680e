import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { defineGroupMembershipChange } from '../volume-group/membership.js';

export function registerGroupRemoveVolume(parent: Command, factoryFor: FactoryProvider): Command {
  return defineGroupMembershipChange(parent, factoryFor, 'remove');
}
