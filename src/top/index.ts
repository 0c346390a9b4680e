import type { FactoryDeps } from '../cli/factory.js';
import type { Settings } from '../cli/settings.js';
import { UsageError } from '../errors.js';
import { bufferIOStreams } from '../output/iostreams.js';
import { TerminalScreen, type ScreenInput, type ScreenOutput } from '../output/terminal-screen.js';
import { ShellSession, type LineRunner } from '../shell/shell-session.js';
import { SYSTEM_CLOCK, TopController, type Clock } from './controller.js';
import { chalkPainter, plainPainter } from './paint.js';
import { VIEWS } from './views/index.js';

export interface TopOptions {
  deps: FactoryDeps;
  settings: Settings;
  /** The global options of the command line: every command the screen runs gets them. */
  globalArgs: string[];
  runLine: LineRunner;
  intervalMs: number;
  allProjects: boolean;
  clock?: Clock;
}

/** Exit codes when a signal ends the screen: 128 + the signal's number, as a shell reports it. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * `ucinder top` (main loads this module only for it): takes the terminal
 * over until q, Ctrl-C or a signal, and gives it back in every case. Only
 * on a terminal: a pipe gets exit 2 and the commands that work there.
 */
export async function runTop(options: TopOptions): Promise<number> {
  const { deps } = options;
  const console = deps.io.console;
  if (!console?.inputIsTTY || !deps.io.stdoutIsTTY) {
    throw new UsageError(
      "top needs a terminal (standard input and output); for a one-off check run 'ucinder status', to follow a listing add --watch (e.g. 'ucinder volume list --watch 5')",
    );
  }
  // What commands run from the screen print is shown in the screen, never written over it.
  const captured = bufferIOStreams({ columns: deps.io.columns });
  const session = new ShellSession({ deps, settings: options.settings, globalArgs: options.globalArgs, runLine: options.runLine }, captured.io);
  const paint = deps.io.colorEnabled ? chalkPainter((await import('chalk')).default) : plainPainter;
  const screen = new TerminalScreen(console.input as ScreenInput, console.output as ScreenOutput);
  let drawPending = false;
  const draw = () => {
    try {
      screen.paint(controller.frame(screen.size()).map(paint));
    } catch (error) {
      controller.crash(error);
    }
  };
  const controller: TopController = new TopController({
    session,
    output: captured,
    views: VIEWS,
    intervalMs: options.intervalMs,
    allProjects: options.allProjects,
    clock: options.clock ?? SYSTEM_CLOCK,
    // Many changes in one turn of the event loop make one frame.
    onChange: () => {
      if (drawPending) return;
      drawPending = true;
      setImmediate(() => {
        drawPending = false;
        draw();
      });
    },
  });
  const interrupted = () => controller.quit(SIGNAL_EXIT.SIGINT!);
  if (deps.signal?.aborted) return SIGNAL_EXIT.SIGINT!;
  deps.signal?.addEventListener('abort', interrupted, { once: true });
  try {
    screen.enter({
      key: (key) => controller.key(key),
      resize: draw,
      signal: (name) => controller.quit(SIGNAL_EXIT[name] ?? 1),
    });
    draw();
    controller.start();
    return await controller.finished;
  } finally {
    deps.signal?.removeEventListener('abort', interrupted);
    screen.leave();
    await session.close();
  }
}
