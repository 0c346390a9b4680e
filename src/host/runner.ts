import { spawn } from 'node:child_process';
import { InterruptedError, UcinderError } from '../errors.js';
import { quoteShellWord } from './shell-words.js';

/**
 * The one way ucinder touches the host (iscsiadm, rbd, nvme, blockdev,
 * multipath): argv arrays handed to the kernel's exec, never a shell string,
 * so a volume name or a CHAP secret can never become shell syntax.
 */

/**
 * An argument that must not be printed (CHAP password): shown as ***, and in
 * a --dry-run script as "$VARIABLE" (host/dry-run-script.ts).
 */
interface SecretArg {
  secret: string;
  /** The shell variable a --dry-run script reads it from, e.g. UCINDER_CHAP_PASSWORD. */
  variable: string;
}

export type Arg = string | SecretArg;

export function secretArg(value: string, variable: string): SecretArg {
  return { secret: value, variable };
}

export interface RunOptions {
  /** Kill the command after this long (default 60 s). */
  timeoutMs?: number;
  /** Exit codes that count as success (default [0]); e.g. iscsiadm 15 "already logged in". */
  okExitCodes?: readonly number[];
  /** What to install when the tool is missing, e.g. "open-iscsi (iscsiadm)". */
  missingHint?: string;
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  /** Runs argv; resolves when the exit code is in okExitCodes, else throws HostCommandError. */
  run(argv: readonly Arg[], options?: RunOptions): Promise<CommandOutcome>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
/** Enough of stderr to explain a failure without flooding the terminal. */
const STDERR_SHOWN = 2000;
const OUTPUT_KEPT = 1024 * 1024;

/** A command failed (non-accepted exit code, timeout); carries its stderr. */
export class HostCommandError extends UcinderError {
  override name = 'HostCommandError';
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** The tool is not installed (spawn ENOENT). */
export class ToolMissingError extends HostCommandError {
  override name = 'ToolMissingError';
}

/** Plain text of an argument for display, secrets masked unless asked. */
function shownArg(arg: Arg, showSecrets: boolean): string {
  return typeof arg === 'string' ? arg : showSecrets ? arg.secret : '***';
}

function plainArg(arg: Arg): string {
  return typeof arg === 'string' ? arg : arg.secret;
}

/** How a command is shown in errors and --dry-run: POSIX-shell quoted, so it can be pasted. */
export function displayCommand(argv: readonly Arg[], showSecrets = false): string {
  return argv.map((arg) => quoteShellWord(shownArg(arg, showSecrets))).join(' ');
}

function lastLines(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > STDERR_SHOWN ? `…${trimmed.slice(-STDERR_SHOWN)}` : trimmed;
}

interface ProcessRunnerOptions {
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: the running command is killed. */
  signal?: AbortSignal;
}

/** Runs commands for real with child_process.spawn (shell: false). */
export class ProcessRunner implements CommandRunner {
  constructor(private readonly options: ProcessRunnerOptions) {}

  run(argv: readonly Arg[], options: RunOptions = {}): Promise<CommandOutcome> {
    if (argv.length === 0) throw new Error('empty command');
    const [program, ...args] = argv.map(plainArg) as [string, ...string[]];
    const shown = displayCommand(argv);
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const ok = options.okExitCodes ?? [0];
    const { signal } = this.options;
    if (signal?.aborted) return Promise.reject(new InterruptedError(`interrupted before running ${shown}`));
    return new Promise((resolve, reject) => {
      // C locale: tools' messages are stable English we can show and match.
      const child = spawn(program, args, {
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...this.options.env, LC_ALL: 'C' },
      });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let interrupted = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (stdout.length < OUTPUT_KEPT) stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        if (stderr.length < OUTPUT_KEPT) stderr += chunk;
      });
      const kill = () => {
        child.kill('SIGTERM');
        // A tool stuck in the kernel may ignore SIGTERM.
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, timeoutMs);
      const onAbort = () => {
        interrupted = true;
        kill();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (error: NodeJS.ErrnoException) => {
        finish();
        if (error.code === 'ENOENT') {
          const hint = options.missingHint ? `: install ${options.missingHint}` : '';
          reject(new ToolMissingError(`'${program}' is not installed or not on PATH${hint}`, shown, undefined, ''));
        } else if (error.code === 'EACCES') {
          reject(new HostCommandError(`cannot execute '${program}': permission denied`, shown, undefined, ''));
        } else {
          reject(new HostCommandError(`cannot run ${shown}: ${error.message}`, shown, undefined, ''));
        }
      });
      child.on('close', (code, killedBy) => {
        finish();
        if (interrupted) {
          reject(new InterruptedError(`interrupted while running ${shown}`));
          return;
        }
        if (timedOut) {
          reject(new HostCommandError(`${shown} did not finish within ${timeoutMs / 1000} s`, shown, undefined, stderr));
          return;
        }
        const exitCode = code ?? 128;
        if (ok.includes(exitCode)) {
          resolve({ exitCode, stdout, stderr });
          return;
        }
        const how = killedBy ? `was killed by ${killedBy}` : `failed with exit code ${exitCode}`;
        const detail = lastLines(stderr) || lastLines(stdout);
        reject(new HostCommandError(`${shown} ${how}${detail ? `: ${detail}` : ''}`, shown, code ?? undefined, stderr));
      });
    });
  }
}

/**
 * --dry-run: records what would run and runs nothing. Every command
 * "succeeds", so the plan shown is the full sequence for a fresh host.
 */
export class DryRunRunner implements CommandRunner {
  readonly planned: Arg[][] = [];

  async run(argv: readonly Arg[]): Promise<CommandOutcome> {
    this.planned.push([...argv]);
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}
