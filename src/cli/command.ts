import type { Command } from 'commander';
import type { CommandResult } from '../output/result.js';
import type { Factory } from './factory.js';
import { addOutputOptions, outputOptionsFrom, type OutputKind } from './output-options.js';
import { printResult, selectColumns } from '../output/render.js';

/** Builds the factory for the command being run (from its global options). */
export type FactoryProvider = (command: Command) => Factory;

export interface RunInput<Options> {
  f: Factory;
  options: Options;
  /** Positional arguments, as declared in `usage`. */
  args: string[];
  /** Fails the command with this error once its output is printed (e.g. `status --check` on an unhealthy cloud). */
  failAfterOutput(error: Error): void;
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
  run: (input: RunInput<Options>) => Promise<CommandResult>;
}

export function defineCommand<Options>(parent: Command, spec: CommandSpec<Options>, factoryFor: FactoryProvider): Command {
  const command = parent.command(spec.usage).summary(spec.summary).description(spec.summary);
  spec.configure?.(command);
  addOutputOptions(command, spec.output);
  if (spec.examples.length) {
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}\n`);
  }
  command.action(async (...actionArgs: unknown[]) => {
    const self = actionArgs[actionArgs.length - 1] as Command;
    const options = self.opts() as Options & Parameters<typeof outputOptionsFrom>[0];
    const output = outputOptionsFrom(options);
    if (spec.columns) {
      const columns = spec.columns(options);
      selectColumns(columns, output.columns, 'column');
      selectColumns(columns, output.sortColumns, 'sort column');
    }
    const f = factoryFor(self);
    const args = (self.processedArgs as (string | string[] | undefined)[]).flatMap((value) =>
      value === undefined ? [] : value,
    );
    let failure: Error | undefined;
    const result = await spec.run({ f, options, args, failAfterOutput: (error) => void (failure = error) });
    await printResult(f.io, result, output);
    if (failure) throw failure;
  });
  return command;
}
