import type { Command } from 'commander';
import type { FactoryProvider } from '../cli/command.js';

/** Adds one verb (a command that runs) to its noun. */
export type RegisterVerb = (parent: Command, factoryFor: FactoryProvider) => unknown;

/**
 * A noun folder's verbs by name, in help order: each verb's file is imported
 * only when a command line names the verb, or when something needs the whole
 * tree (commands/root.ts). The name is the one the verb's file registers, and
 * building the tree fails when they differ.
 */
export type VerbTable = Readonly<Record<string, () => Promise<RegisterVerb>>>;
