import type { Command } from 'commander';
import type { CommandResult } from '../output/result.js';
import type { Factory } from './factory.js';
import { addOutputOptions, outputOptionsFrom, withTableWidth, type OutputKind } from './output-options.js';
import { selectColumns } from '../output/render.js';
import { addWatchOption } from './watch.js';
import { declareColumns, type ColumnsFor } from '../completion/completion-hints.js';
import { printRun } from './print-run.js';
import { addExamples } from './help-sections.js';

import type { FactoryProvider } from './command.js';

export interface RunInput<Options> {
  f: Factory;
  options: Options;
  /** Positional arguments, as declared in `usage`. */
  args: string[];
  /** Fails the command with this error once its output is printed. */
  failAfterOutput(error: Error): void;
  /** A line for standard error once the output is printed. */
  noteAfterOutput(line: string): void;
}

/**
 * One command, declared as data: Commander gets its flags and help, `run`
 * gets typed options and returns data for the printers.
 */
export interface CommandSpec<Options> {
  /** Name and arguments in Commander syntax, e.g. "delete <volume...>". */
  usage: string;
  summary: string;
  examples: string[];
  output: OutputKind;
  /** Columns known before any request, so bad -c/--sort-column fail early. */
  columns?: (options: Options) => readonly string[];
  configure?: (command: Command) => void;
  /** A list or show command that takes `--watch [SECONDS]`: its view is refreshed until Ctrl-C (cli/watch.ts). */
  watchable?: boolean;
  run: (input: RunInput<Options>) => Promise<CommandResult>;
}

/** The declaration before typed options (cli/command.ts): removed once every command is migrated. */
export function defineUntypedCommand<Options>(parent: Command, spec: CommandSpec<Options>, factoryFor: FactoryProvider): Command {
  const command = parent.command(spec.usage).summary(spec.summary).description(spec.summary);
  spec.configure?.(command);
  addOutputOptions(command, spec.output);
  if (spec.columns) declareColumns(command, spec.columns as ColumnsFor);
  if (spec.watchable) addWatchOption(command);
  addExamples(command, spec.examples);
  command.action(async (...actionArgs: unknown[]) => {
    const self = actionArgs[actionArgs.length - 1] as Command;
    const options = self.opts() as Options & Parameters<typeof outputOptionsFrom>[0] & { watch?: number | boolean };
    const output = outputOptionsFrom(options);
    if (spec.columns) {
      const columns = spec.columns(options);
      selectColumns(columns, output.columns, 'column');
      selectColumns(columns, output.sortColumns, 'sort column');
    }
    const f = factoryFor(self);
    const printed = withTableWidth(output, options, f.env);
    const args = (self.processedArgs as (string | string[] | undefined)[]).flatMap((value) => (value === undefined ? [] : value));
    await printRun(f, self, printed, options.watch, (after) => spec.run({ f, options, args, ...after }));
  });
  return command;
}
