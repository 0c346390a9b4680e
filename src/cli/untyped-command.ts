import type { Command } from 'commander';
import type { CommandResult } from '../output/result.js';
import type { Factory } from './factory.js';
import { addOutputOptions, outputOptionsFrom, withTableWidth, type OutputKind } from './output-options.js';
import { printResult, selectColumns } from '../output/render.js';
import { addWatchOption, watch, watchIntervalMs } from './watch.js';
import { addExamples } from './help-sections.js';

import type { FactoryProvider } from './command.js';

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
  /** A list or show command that takes `--watch [SECONDS]`: its view is refreshed until Ctrl-C (cli/watch.ts). */
  watchable?: boolean;
  run: (input: RunInput<Options>) => Promise<CommandResult>;
}

/** The declaration before typed options (cli/command.ts): removed once every command is migrated. */
export function defineUntypedCommand<Options>(parent: Command, spec: CommandSpec<Options>, factoryFor: FactoryProvider): Command {
  const command = parent.command(spec.usage).summary(spec.summary).description(spec.summary);
  spec.configure?.(command);
  addOutputOptions(command, spec.output);
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
    const args = (self.processedArgs as (string | string[] | undefined)[]).flatMap((value) =>
      value === undefined ? [] : value,
    );
    let failure: Error | undefined;
    const runOnce = () => spec.run({ f, options, args, failAfterOutput: (error) => void (failure = error) });
    const intervalMs = watchIntervalMs(options.watch);
    if (intervalMs === undefined) {
      await printResult(f.io, await runOnce(), printed);
      if (failure) throw failure;
      return;
    }
    await watch({
      io: f.io,
      intervalMs,
      title: commandLine(self),
      refresh: async (io) => printResult(io, await runOnce(), printed),
      signal: f.deps.signal,
      now: f.deps.now,
      sleep: f.deps.sleep,
    });
  });
  return command;
}

/** "ucinder volume show vol1": the command's words and its arguments, for a watch's title line. */
function commandLine(command: Command): string {
  const words: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) words.unshift(current.name());
  return [...words, ...command.args].join(' ');
}
