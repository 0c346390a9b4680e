import { execFileSync } from 'node:child_process';
import { pollUntil } from '../../support/poll.js';
import type { Env } from '../../support/ucinder-process.js';

/**
 * A real terminal for full-screen tests: a private tmux server (its own
 * socket, no configuration) running bash in one window. Keys go in with
 * send-keys, the screen comes out with capture-pane, as an operator's
 * terminal would show it. tmux is Debian's (test/run-tests.sh installs it).
 */
export class TmuxTerminal {
  private readonly socket = `ucinder-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  /** Starts bash --norc in a `columns`×`rows` window; the tmux server (and so bash) gets exactly `env`. */
  constructor(env: Env, columns = 100, rows = 30) {
    this.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(columns), '-y', String(rows), 'bash', '--norc', '--noprofile'], {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      PS1: '$ ',
      ...env,
    });
  }

  /** Keys by tmux's names: 'Enter', 'Escape', 'Up', 'C-c', or characters ('d', 'y'). */
  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Text typed as it is (no key names). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  /** A command line typed at the bash prompt, then Enter. */
  run(commandLine: string): void {
    this.type(commandLine);
    this.keys('Enter');
  }

  /** The screen as it shows now, one string per row (trailing blanks trimmed). */
  screen(): string[] {
    return this.tmux(['capture-pane', '-p', '-t', 'main'])
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => line.trimEnd());
  }

  /** A tmux format of the pane: '#{alternate_on}', '#{cursor_flag}', '#{pane_pid}'. */
  show(format: string): string {
    return this.tmux(['display-message', '-p', '-t', 'main', format]).trim();
  }

  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows)]);
  }

  /** Waits (boundedly) until the screen satisfies `done`, and returns that screen (or the last one, for the assertion to show). */
  until(done: (screen: string[]) => boolean, { attempts = 120, intervalMs = 500 } = {}): Promise<string[]> {
    return pollUntil(() => this.screen(), done, { attempts, intervalMs });
  }

  /** Waits until some row contains `text`. */
  untilShows(text: string, options?: { attempts?: number; intervalMs?: number }): Promise<string[]> {
    return this.until((screen) => screen.some((line) => line.includes(text)), options);
  }

  close(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // Already gone.
    }
  }

  private tmux(args: string[], env?: Env): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: env ?? { PATH: process.env.PATH } });
  }
}
