import type { MockAgent } from 'undici';
import type { FactoryDeps } from '../../../src/cli/factory.js';
import { resolveSettings } from '../../../src/cli/settings.js';
import type { CommandRunner } from '../../../src/host/runner.js';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import type { Key } from '../../../src/output/terminal-screen.js';
import { ShellSession } from '../../../src/shell/shell-session.js';
import { TopController, type Clock } from '../../../src/top/controller.js';
import { plainPainter } from '../../../src/top/paint.js';
import { VIEWS } from '../../../src/top/views/index.js';
import { ENDPOINT_ROOT, PROJECT } from '../helpers/harness.js';

/** 2026-03-01T12:00:00Z: the fake clock's start. */
export const T0 = Date.parse('2026-03-01T12:00:00Z');

/** Time for the controller: it moves only when the test says so, firing the timers due on the way. */
export class FakeClock implements Clock {
  private time: number;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private lastId = 0;

  constructor(start = T0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.lastId;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** When the next timer fires (undefined: none armed). */
  nextTimerAt(): number | undefined {
    let next: number | undefined;
    for (const { at } of this.timers.values()) next = next === undefined ? at : Math.min(next, at);
    return next;
  }

  /** Moves on by `ms`, firing each timer due on the way at its own time. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = target;
  }
}

/** A key as readline reports it: 'return', 'escape', 'up', 'C-c', or a character ('d', 'D', '/'). */
export function key(name: string): Key {
  if (name.startsWith('C-')) return { ctrl: true, name: name.slice(2) };
  if (name.length > 1) return { name };
  return { sequence: name, name: /[a-z]/i.test(name) ? name.toLowerCase() : undefined, shift: name !== name.toLowerCase() };
}

export interface TopUnderTest {
  controller: TopController;
  clock: FakeClock;
  session: ShellSession;
  /** Presses keys one after another. */
  press(...names: string[]): void;
  /** Types text into the question or filter being edited. */
  type(text: string): void;
  /** The frame as plain text, one string per screen row. */
  screen(columns?: number, rows?: number): string[];
  /** Waits until no refresh and no action runs. */
  settled(): Promise<void>;
  /** Waits (a bounded number of event-loop turns) until a question is asked in the footer, and returns it. */
  question(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `ucinder top`'s controller on the shell's real session (one Factory, the
 * real command tree for actions), against `agent`, with a fake clock and a
 * recording runner. Nothing touches a terminal.
 */
export function topAgainst(agent: MockAgent, options: { intervalMs?: number; allProjects?: boolean; runner?: CommandRunner; env?: Record<string, string> } = {}): TopUnderTest {
  const clock = new FakeClock();
  const captured = bufferIOStreams();
  const env = { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent', ...options.env };
  // The test owns the agent: closing the session must not close it (its pending stubs must stay checkable).
  const deps: FactoryDeps = {
    io: captured.io,
    env,
    transport: { send: transportFor(agent).send, close: async () => undefined },
    now: () => clock.now(),
    sleep: async () => undefined,
    runner: options.runner,
  };
  const session = new ShellSession({ deps, settings: resolveSettings({}, env), globalArgs: ['--no-cache'], runLine: main }, captured.io);
  const controller = new TopController({
    session,
    output: captured,
    views: VIEWS,
    intervalMs: options.intervalMs ?? 5000,
    allProjects: options.allProjects ?? false,
    clock,
    onChange: () => undefined,
  });
  return {
    controller,
    clock,
    session,
    press: (...names) => {
      for (const name of names) controller.key(key(name));
    },
    type: (text) => {
      for (const char of text) controller.key(key(char));
    },
    screen: (columns = 80, rows = 24) => controller.frame({ columns, rows }).map(plainPainter),
    settled: () => controller.settled(),
    question: async () => {
      // An action reaches its question after requests (and, for a command, the command tree's first build).
      for (let turn = 0; turn < 2000 && !controller.state.prompt; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
      const prompt = controller.state.prompt;
      if (!prompt) throw new Error('no question was asked');
      return prompt.question;
    },
    close: () => session.close(),
  };
}
