import { emitKeypressEvents } from 'node:readline';

/**
 * A full-screen program's hold on the terminal: the alternate screen, no
 * cursor, raw keys (no echo, no line editing, Ctrl-C as a key), resizes,
 * and frames painted line by line where they changed. Leaving gives it all
 * back, whatever the way out: a normal return, an exception (the caller's
 * `finally`), `process.exit` (an exit hook) or SIGTERM/SIGHUP (reported as a
 * key-less `signal`, so the program unwinds and leaves itself).
 */

/** A key as Node's readline decodes it (arrows, PgUp, Home, Ctrl-…, printable characters). */
export interface Key {
  /** What was typed, for printable keys. */
  sequence?: string;
  /** e.g. 'up', 'pagedown', 'return', 'escape', 'backspace', 'c' (with ctrl), 'x'. */
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

export interface ScreenSize {
  columns: number;
  rows: number;
}

/** The terminal's input: Node's tty.ReadStream (setRawMode) or a test double. */
export interface ScreenInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
}

/** The terminal's output: Node's tty.WriteStream (columns, rows, 'resize') or a test double. */
export interface ScreenOutput extends NodeJS.WritableStream {
  columns?: number;
  rows?: number;
}

export interface ScreenEvents {
  key(key: Key): void;
  resize(size: ScreenSize): void;
  /** SIGTERM or SIGHUP arrived: the program should leave. */
  signal(name: NodeJS.Signals): void;
}

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const CLEAR_SCREEN = '\u001b[2J';
const CLEAR_TO_END_OF_LINE = '\u001b[K';
const RESET_ATTRIBUTES = '\u001b[0m';
/** Without a size (a pipe that claims to be a terminal), the classic terminal's. */
const FALLBACK_SIZE: ScreenSize = { columns: 80, rows: 24 };
const LEAVING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

export class TerminalScreen {
  private painted: string[] = [];
  private active = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly input: ScreenInput,
    private readonly output: ScreenOutput,
  ) {}

  size(): ScreenSize {
    const columns = this.output.columns && this.output.columns > 0 ? this.output.columns : FALLBACK_SIZE.columns;
    const rows = this.output.rows && this.output.rows > 0 ? this.output.rows : FALLBACK_SIZE.rows;
    return { columns, rows };
  }

  /** Takes the terminal over and starts reporting keys, resizes and leaving signals. */
  enter(events: ScreenEvents): void {
    if (this.active) return;
    this.active = true;
    this.output.write(`${ENTER_ALTERNATE_SCREEN}${HIDE_CURSOR}${CLEAR_SCREEN}`);
    emitKeypressEvents(this.input);
    this.input.setRawMode?.(true);
    this.input.resume();
    this.listen(this.input, 'keypress', (_text: string | undefined, key: Key | undefined) => events.key(key ?? { sequence: _text, name: _text }));
    this.listen(this.output, 'resize', () => {
      this.painted = [];
      this.output.write(CLEAR_SCREEN);
      events.resize(this.size());
    });
    // process.exit() skips the caller's finally; the terminal must still come back.
    this.listen(process, 'exit', () => this.leave());
    for (const signal of LEAVING_SIGNALS) this.listen(process, signal, () => events.signal(signal));
  }

  /**
   * Paints a frame: one string per screen row (styles included, already cut
   * to the width). Only rows that differ from the last frame are written.
   */
  paint(lines: readonly string[]): void {
    if (!this.active) return;
    const { rows } = this.size();
    let out = '';
    for (let row = 0; row < rows; row++) {
      const line = lines[row] ?? '';
      if (this.painted[row] === line) continue;
      out += `\u001b[${row + 1};1H${line}${RESET_ATTRIBUTES}${CLEAR_TO_END_OF_LINE}`;
    }
    this.painted = lines.slice(0, rows);
    if (out) this.output.write(out);
  }

  /** Gives the terminal back (cursor, echo, line mode, main screen); safe to call twice. */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.input.setRawMode?.(false);
    this.input.pause();
    this.output.write(`${RESET_ATTRIBUTES}${SHOW_CURSOR}${LEAVE_ALTERNATE_SCREEN}`);
  }

  private listen(emitter: NodeJS.EventEmitter, event: string, listener: (...args: never[]) => void): void {
    emitter.on(event, listener as (...args: unknown[]) => void);
    this.cleanups.push(() => emitter.off(event, listener as (...args: unknown[]) => void));
  }
}
