import type { Command } from 'commander';
import { UcinderError } from '../errors.js';
import type { OutputOptions } from '../output/options.js';
import { printResult } from '../output/render.js';
import type { CommandResult } from '../output/result.js';
import type { Factory } from './factory.js';
import { watch, watchIntervalMs } from './watch.js';

/** What a command's `run` may leave for after its output is printed. */
interface AfterOutput {
  /** Fails the command with this error once its output is printed (e.g. `status --check` on an unhealthy cloud). */
  failAfterOutput(error: Error): void;
  /** A line for standard error once the output is printed, e.g. `status`'s summary, which closes its table. */
  noteAfterOutput(line: string): void;
}

/**
 * Runs a declared command's `run` and prints its result: once, or again and
 * again under `--watch` (each refresh's notes under its view; a failure
 * after output is shown there, and the watch goes on until Ctrl-C).
 */
export async function printRun(
  f: Factory,
  self: Command,
  output: OutputOptions,
  watchValue: number | boolean | undefined,
  run: (after: AfterOutput) => Promise<CommandResult>,
): Promise<void> {
  const once = async (io = f.io): Promise<Error | undefined> => {
    let failure: Error | undefined;
    const notes: string[] = [];
    const result = await run({ failAfterOutput: (error) => void (failure = error), noteAfterOutput: (line) => void notes.push(line) });
    await printResult(io, result, output);
    for (const line of notes) io.stderr.write(`${line}\n`);
    return failure;
  };
  const intervalMs = watchIntervalMs(watchValue);
  if (intervalMs === undefined) {
    const failure = await once();
    if (failure) throw failure;
    return;
  }
  await watch({
    io: f.io,
    intervalMs,
    title: commandLine(self),
    refresh: async (io) => {
      const failure = await once(io);
      if (failure) io.stderr.write(`ucinder: ${failure instanceof UcinderError ? failure.message : String(failure)}\n`);
    },
    signal: f.deps.signal,
    now: f.deps.now,
    sleep: f.deps.sleep,
  });
}

/** "ucinder volume show vol1": the command's words and its arguments, for a watch's title line. */
function commandLine(command: Command): string {
  const words: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) words.unshift(current.name());
  return [...words, ...command.args].join(' ');
}
