import { formatMicroversion } from '../api/microversion.js';
import type { CinderSession } from '../api/session.js';
import type { Factory } from '../cli/factory.js';
import type { Problem } from '../cli/status/problem.js';
import { UcinderError } from '../errors.js';
import type { Confirmer } from '../output/confirm.js';
import type { Key, ScreenSize } from '../output/terminal-screen.js';
import { actionFor, type ActionScreen, type RowAction } from './actions.js';
import { renderFrame, type StyledLine } from './frame.js';
import { commandOf, keyName, typedCharacter, type Motion } from './keys.js';
import { rowDetails } from './row-details.js';
import { nextRefreshAt } from './scheduler.js';
import { changedRows, initialState, selectableRows, selectedIndex, selectedRow, type Overlay, type TopState, type ViewState } from './state.js';
import type { Row, Tone, ViewId, ViewSpec } from './view.js';

/**
 * The state machine of `ucinder top`, without a terminal: keys come in,
 * refreshes and actions go out through one session, and `onChange` says
 * when the frame should be drawn again. Time comes from `clock`, so tests
 * drive the refresh pacing with a fake one.
 */

/** The one session of the screen: the shell's (one authentication, one discovery, one HTTP agent). */
export interface TopSession {
  current(): Factory;
  /** Runs `ucinder WORDS` as a shell line would; its output goes to the session's (captured) streams. */
  run(words: string[], signal?: AbortSignal): Promise<number>;
  place(): Promise<{ where?: string; project?: string }>;
  useConfirmer(confirm: Confirmer): void;
}

/** What a command run from the screen printed, taken after it ends. */
export interface CapturedOutput {
  stdout(): string;
  stderr(): string;
  clear(): void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface TopControllerOptions {
  session: TopSession;
  output: CapturedOutput;
  views: readonly ViewSpec[];
  intervalMs: number;
  allProjects: boolean;
  clock: Clock;
  onChange(): void;
}

/** q and Ctrl-C end the screen normally (signals: top/index.ts). */
export const EXIT_QUIT = 0;

export class TopController {
  readonly state: TopState;
  /** Settles with the exit code when the screen should close (rejects on a bug, so the caller restores the terminal and reports it). */
  readonly finished: Promise<number>;
  private finish!: (code: number) => void;
  private fail!: (error: unknown) => void;
  private closed = false;
  private timer?: unknown;
  private refreshing?: Promise<void>;
  private action?: { abort: AbortController; done: Promise<void> };
  /** Body rows of the last frame: how far PgUp/PgDn go. */
  private pageSize = 10;
  /** The Cinder session, once open. */
  private cinder?: CinderSession;
  private readonly options: TopControllerOptions;

  constructor(options: TopControllerOptions) {
    this.options = options;
    this.state = initialState(options.views.map((view) => view.id));
    this.finished = new Promise<number>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    // Questions a command asks itself (a removal through cinder-manage) are asked in the screen too.
    options.session.useConfirmer({ interactive: true, ask: (question) => this.confirm(question) });
  }

  /** Starts refreshing the first view. */
  start(): void {
    this.updatePlace();
    this.schedule();
  }

  /** The frame to draw for a screen of this size (and the scroll it settles on). */
  frame(size: ScreenSize): StyledLine[] {
    const frame = renderFrame(this.state, this.options.views, size, this.options.clock.now());
    if (this.state.overlay) this.state.overlay.scroll = frame.scroll;
    else this.state.views[this.state.view].scroll = frame.scroll;
    this.pageSize = Math.max(1, size.rows - 5);
    return frame.lines;
  }

  /** Leaves with `code`: answers any question with no and stops the running action and the refreshes. */
  quit(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.options.clock.clearTimeout(this.timer);
    this.answerPrompt(undefined);
    this.action?.abort.abort();
    this.finish(code);
  }

  /** Settles when no refresh and no action runs (tests wait on it). */
  async settled(): Promise<void> {
    while (this.refreshing || this.action) await Promise.all([this.refreshing, this.action?.done]);
  }

  key(key: Key): void {
    try {
      this.handleKey(key);
    } catch (error) {
      this.crash(error);
    }
    this.changed();
  }

  // ---------------------------------------------------------------- refreshes

  private get view(): ViewState {
    return this.state.views[this.state.view];
  }

  private spec(id: ViewId): ViewSpec {
    return this.options.views.find((view) => view.id === id)!;
  }

  /** Arms the timer for the visible view's next refresh; none while a refresh runs (it re-arms when done). */
  private schedule(): void {
    const { clock, intervalMs } = this.options;
    clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.refreshing) return;
    const id = this.state.view;
    const delay = Math.max(0, nextRefreshAt(this.state.views[id], intervalMs) - clock.now());
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.refreshing = this.refresh(id).finally(() => {
        this.refreshing = undefined;
        this.schedule();
      });
    }, delay);
  }

  private async refresh(id: ViewId): Promise<void> {
    const { clock } = this.options;
    const view = this.state.views[id];
    const started = clock.now();
    view.startedAt = started;
    view.finishedAt = undefined;
    try {
      const session = await this.options.session.current().session();
      this.cinder = session;
      const data = await this.spec(id).fetch({ session, allProjects: this.options.allProjects, now: started });
      if (this.closed) return;
      view.changed = changedRows(view.data, data);
      view.data = data;
      view.refreshedAt = started;
      view.latencyMs = clock.now() - started;
      view.error = undefined;
      if (data.health) this.state.health = data.health;
      this.noteSession(session);
    } catch (error) {
      if (this.closed) return;
      view.error = messageOf(error);
    } finally {
      view.finishedAt = clock.now();
      this.countRequests();
      this.changed();
    }
  }

  /** The header's request count: every request of the session, refreshes and actions alike. */
  private countRequests(): void {
    if (this.cinder) this.state.header.requests = this.cinder.http.requestCount;
  }

  private noteSession(session: CinderSession): void {
    this.state.header.microversion = formatMicroversion(session.microversion);
    // The project's name is known once authenticated.
    if (!this.state.header.project || this.state.header.where === undefined) this.updatePlace();
  }

  /** The header's cloud (or endpoint) and project, from the session (no request). */
  private updatePlace(): void {
    void this.options.session.place().then((place) => {
      this.state.header.where = place.where;
      this.state.header.project = place.project;
      this.changed();
    });
  }

  // ---------------------------------------------------------------- keys

  private handleKey(key: Key): void {
    const name = keyName(key);
    if (name === 'C-c') return this.quit(EXIT_QUIT);
    if (this.state.prompt) return this.promptKey(key, name);
    if (this.state.editingFilter) return this.filterKey(key, name);
    this.state.message = undefined;
    if (this.state.overlay) return this.overlayKey(name);
    const view = this.options.views.find((spec) => spec.number === name);
    if (view) return this.show(view.id);
    const command = commandOf(name);
    switch (command) {
      case 'quit':
        return this.quit(EXIT_QUIT);
      case 'help':
        this.state.overlay = { kind: 'help', scroll: 0 };
        return;
      case 'filter':
        this.state.editingFilter = true;
        return;
      case 'back':
        this.view.filter = '';
        return;
      case 'sort':
      case 'sortReverse':
        return this.sort(command === 'sortReverse');
      case 'open':
        return this.open();
      case undefined:
        break;
      default:
        return this.move(command);
    }
    const row = selectedRow(this.view)?.row;
    const action = actionFor(name, row);
    if (action && row) this.perform(action, row);
  }

  private show(id: ViewId): void {
    if (this.state.view === id) return;
    this.state.view = id;
    this.schedule();
  }

  private move(motion: Motion): void {
    const rows = selectableRows(this.view);
    if (rows.length === 0) return;
    const index = selectedIndex(this.view, rows);
    const target = {
      up: index - 1,
      down: index + 1,
      pageUp: index - this.pageSize,
      pageDown: index + this.pageSize,
      home: 0,
      end: rows.length - 1,
    }[motion];
    this.view.selected = rows[Math.max(0, Math.min(rows.length - 1, target))]!.id;
  }

  /** `s`: the selected row's table sorted by its next column; `S`: the other way round. */
  private sort(reverse: boolean): void {
    const selected = selectedRow(this.view);
    if (!selected) return;
    const { section } = selected;
    const order = this.view.sort[section.id];
    if (reverse) this.view.sort[section.id] = { column: order?.column ?? 0, descending: !order?.descending };
    else this.view.sort[section.id] = { column: order ? (order.column + 1) % section.columns.length : 0, descending: false };
  }

  private open(): void {
    const selected = selectedRow(this.view);
    if (!selected) return;
    if (selected.row.kind === 'problem') {
      this.state.overlay = { kind: 'fix', problem: selected.row.item as Problem, scroll: 0 };
      return;
    }
    const { title, fields } = rowDetails(selected.row);
    this.state.overlay = { kind: 'details', title, fields, scroll: 0 };
  }

  private overlayKey(name: string): void {
    const overlay = this.state.overlay!;
    const command = commandOf(name);
    if (overlay.kind === 'fix') {
      const chosen = /^[1-9]$/.test(name) ? Number(name) : command === 'open' && overlay.problem.commands.length === 1 ? 1 : undefined;
      const words = chosen === undefined ? undefined : overlay.problem.commands[chosen - 1];
      if (words) return this.runFix(words);
    }
    switch (command) {
      case 'quit':
        return this.quit(EXIT_QUIT);
      case 'back':
      case 'open':
        this.state.overlay = undefined;
        return;
      case 'help':
        this.state.overlay = overlay.kind === 'help' ? undefined : { kind: 'help', scroll: 0 };
        return;
      case 'up':
      case 'down':
      case 'pageUp':
      case 'pageDown':
      case 'home':
      case 'end':
        overlay.scroll = scrolled(overlay, command, this.pageSize);
        return;
      default:
        return;
    }
  }

  private filterKey(key: Key, name: string): void {
    const view = this.view;
    const typed = typedCharacter(key);
    if (typed !== undefined) view.filter += typed;
    else if (name === 'backspace') view.filter = [...view.filter].slice(0, -1).join('');
    else if (name === 'return') this.state.editingFilter = false;
    else if (name === 'escape') {
      view.filter = '';
      this.state.editingFilter = false;
    }
    view.scroll = 0;
  }

  private promptKey(key: Key, name: string): void {
    const prompt = this.state.prompt!;
    if (prompt.kind === 'confirm') return this.answerPrompt(name === 'y' || name === 'Y' ? 'yes' : undefined);
    const typed = typedCharacter(key);
    if (typed !== undefined) prompt.text += typed;
    else if (name === 'backspace') prompt.text = [...prompt.text].slice(0, -1).join('');
    else if (name === 'return') prompt.submit(prompt.text);
    else if (name === 'escape') this.answerPrompt(undefined);
  }

  /** Closes the question: a yes (or the typed text), or no / cancelled for undefined. */
  private answerPrompt(answer: string | undefined): void {
    const prompt = this.state.prompt;
    if (!prompt) return;
    this.state.prompt = undefined;
    if (prompt.kind === 'confirm') prompt.answer(answer === 'yes');
    else prompt.submit(undefined);
  }

  // ---------------------------------------------------------------- actions

  private confirm(question: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.state.prompt = {
        kind: 'confirm',
        question,
        answer: (yes) => {
          if (!yes) this.notify('not confirmed: nothing was sent');
          resolve(yes);
        },
      };
      this.changed();
    });
  }

  private ask(question: string, check: (answer: string) => string | undefined): Promise<string | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const prompt = {
        kind: 'input' as const,
        question,
        text: '',
        error: undefined as string | undefined,
        submit: (text: string | undefined) => {
          if (text !== undefined) {
            const refused = check(text.trim());
            if (refused) {
              prompt.error = refused;
              return;
            }
          }
          if (this.state.prompt === prompt) this.state.prompt = undefined;
          resolve(text?.trim());
        },
      };
      this.state.prompt = prompt;
      this.changed();
    });
  }

  private runFix(words: string[]): void {
    this.perform(
      {
        key: '',
        label: 'fix',
        help: '',
        kinds: ['problem'],
        async perform(_row, screen) {
          if (await screen.confirm(`Run: ucinder ${words.join(' ')}?`)) await screen.run(words);
        },
      },
      undefined,
    );
  }

  private perform(action: RowAction, row: Row | undefined): void {
    if (this.action) {
      this.notify('an action is still running: wait for its outcome', 'warning');
      return;
    }
    const abort = new AbortController();
    const screen: ActionScreen = {
      confirm: (question) => this.confirm(question),
      ask: (question, check) => this.ask(question, check),
      show: (title, text) => {
        this.state.overlay = { kind: 'output', title, text, scroll: 0 };
        this.changed();
      },
      notify: (text, tone) => this.notify(text, tone),
      run: (words) => this.runCommand(words, abort.signal),
      session: () => this.options.session.current().session(),
      allProjects: this.options.allProjects,
    };
    const done = action
      .perform(row as Row, screen)
      .catch((error: unknown) => this.notify(`${action.label} failed: ${messageOf(error)}`, 'error'))
      .finally(() => {
        this.action = undefined;
        this.changed();
      });
    this.action = { abort, done };
  }

  /** `ucinder WORDS` in the session; its outcome (and Cinder's message on failure) on the message line, what it printed in the body. */
  private async runCommand(words: string[], signal: AbortSignal): Promise<void> {
    const line = `ucinder ${words.join(' ')}`;
    const { output } = this.options;
    this.state.running = line;
    this.state.overlay = undefined;
    this.changed();
    output.clear();
    let code: number;
    try {
      code = await this.options.session.run(words, signal);
    } finally {
      this.state.running = undefined;
      this.countRequests();
    }
    const said = output
      .stderr()
      .split('\n')
      .map((text) => text.replace(/^ucinder: /, '').trim())
      .filter(Boolean)
      .join('; ');
    const printed = output.stdout();
    output.clear();
    if (this.closed) return;
    if (code === 0) this.notify(`done: ${line}${said ? ` (${said})` : ''}`, said.startsWith('warning') ? 'warning' : 'ok');
    else this.notify(`failed: ${line}: ${said || `exit code ${code}`}`, 'error');
    if (printed.trim()) this.state.overlay = { kind: 'output', title: `${line} (exit code ${code})`, text: printed, scroll: 0 };
  }

  private notify(text: string, tone?: Tone): void {
    this.state.message = { text, tone };
    this.changed();
  }

  private changed(): void {
    if (!this.closed) this.options.onChange();
  }

  /** Ends the screen with an error (a bug): the caller restores the terminal, main reports it. */
  crash(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.options.clock.clearTimeout(this.timer);
    this.action?.abort.abort();
    this.fail(error);
  }
}

function scrolled(overlay: Overlay, motion: Motion, page: number): number {
  const moves: Record<Motion, number> = { up: -1, down: 1, pageUp: -page, pageDown: page, home: -Infinity, end: Infinity };
  const target = overlay.scroll + moves[motion];
  // The frame clamps the end to the overlay's length.
  return Number.isFinite(target) ? Math.max(0, target) : target > 0 ? Number.MAX_SAFE_INTEGER : 0;
}

function messageOf(error: unknown): string {
  if (error instanceof UcinderError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
