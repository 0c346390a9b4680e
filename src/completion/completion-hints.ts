import type { Command, Option } from 'commander';

/**
 * What the completion model is told beyond Commander's tree, by the layers
 * that declare commands: the columns a command prints (so `-c <TAB>` offers
 * them), and the global options that only mean something where batch mode
 * runs (`ucinder --keep-going < FILE`, `ucinder shell`), so they are offered
 * there and nowhere else.
 */

/** A command's columns for the options given (a --long listing has more). */
export type ColumnsFor = (options: Record<string, unknown>) => readonly string[];

const COLUMNS = new WeakMap<Command, ColumnsFor>();
const BATCH_OPTIONS = new WeakSet<Option>();
const BATCH_COMMANDS = new WeakSet<Command>();

export function declareColumns(command: Command, columnsFor: ColumnsFor): void {
  COLUMNS.set(command, columnsFor);
}

/**
 * Every column the command can print: those of its plain form and those with
 * every switch on (--long, --detailed, …), in that order, once each.
 */
export function declaredColumns(command: Command): string[] | undefined {
  const columnsFor = COLUMNS.get(command);
  if (!columnsFor) return undefined;
  const everyOptionOn = new Proxy({}, { get: () => true }) as Record<string, unknown>;
  return [...new Set([...columnsFor({}), ...columnsFor(everyOptionOn)])];
}

/** A global option that means something only where batch mode runs. */
export function declareBatchOption(option: Option): void {
  BATCH_OPTIONS.add(option);
}

export function isBatchOption(option: Option): boolean {
  return BATCH_OPTIONS.has(option);
}

/** A command that runs batch mode (`shell`): the batch options are offered on it. */
export function declareBatchCommand(command: Command): void {
  BATCH_COMMANDS.add(command);
}

export function isBatchCommand(command: Command): boolean {
  return BATCH_COMMANDS.has(command);
}
