import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ROOT, type Env } from '../../support/ucinder-process.js';

/** Strips the terminal's escape sequences and carriage returns: what a person reads. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

/**
 * bin/ucinder on a real pseudo-terminal (Python's pty module relays the
 * test's keystrokes in and the terminal's output out): the shell sees a
 * terminal, raw mode, Ctrl-C as a key, as an operator's would. `command` runs
 * another ucinder instead (a single executable from release/).
 */
export class PtyShell {
  private readonly child: ChildProcess;
  private output = '';
  private mark = 0;
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Env, command: string[] = [process.execPath, BIN]) {
    this.child = spawn('/usr/bin/python3', [join(ROOT, 'test/integration/helpers/pty-run.py'), ...command, ...args], {
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', TERM: 'xterm', NO_COLOR: '1', COLUMNS: '200', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Everything shown since the last expect(), escape sequences removed. */
  get recent(): string {
    return plain(this.output).slice(this.mark);
  }

  /** Everything shown so far, escape sequences removed. */
  get all(): string {
    return plain(this.output);
  }

  /** Everything shown so far, escape sequences kept (what `clear` sends). */
  get raw(): string {
    return this.output;
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** Waits until the screen (after the last match) shows `pattern`; returns the text up to the match's end and moves past it. */
  async expect(pattern: RegExp | string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const regex = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
    for (;;) {
      const seen = this.recent;
      const match = regex.exec(seen);
      if (match) {
        const end = match.index + match[0].length;
        this.mark += end;
        return seen.slice(0, end);
      }
      if (Date.now() > deadline) throw new Error(`the shell never showed ${pattern}; it showed:\n${seen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Presses TAB until the screen shows `pattern`: the first TAB may give up
   * waiting for a long listing (a shared cloud, a loaded machine) while the
   * shell keeps fetching for the next one.
   */
  async tabUntil(pattern: string, attempts = 15): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      this.type('\t');
      try {
        return await this.expect(pattern, 5_000);
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
