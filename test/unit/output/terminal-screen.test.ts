import { describe, expect, it } from 'vitest';
import { TerminalScreen, type Key } from '../../../src/output/terminal-screen.js';
import { FakeTerminalInput, FakeTerminalOutput } from '../top/fake-terminal.js';

function opened() {
  const input = new FakeTerminalInput();
  const output = new FakeTerminalOutput(20, 3);
  const screen = new TerminalScreen(input, output);
  const keys: Key[] = [];
  const sizes: { columns: number; rows: number }[] = [];
  screen.enter({ key: (key) => keys.push(key), resize: (size) => sizes.push(size), signal: () => undefined });
  return { input, output, screen, keys, sizes };
}

describe('the terminal screen', () => {
  it('takes the terminal over: alternate screen, no cursor, raw keys; SIGTERM and SIGHUP are reported, not fatal', async () => {
    const { input, output, keys, screen } = opened();
    expect(output.written).toBe('\u001b[?1049h\u001b[?25l\u001b[2J');
    expect(input.rawModes).toEqual([true]);
    input.write('q\u001b[A\u0003');
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys.map((key) => [key.name, key.ctrl])).toEqual([
      ['q', false],
      ['up', false],
      ['c', true],
    ]);
    screen.leave();
    const signals: string[] = [];
    const again = new TerminalScreen(new FakeTerminalInput(), new FakeTerminalOutput());
    const before = new Set(process.listeners('SIGTERM'));
    again.enter({ key: () => undefined, resize: () => undefined, signal: (name) => signals.push(name) });
    const added = process.listeners('SIGTERM').filter((listener) => !before.has(listener));
    (added[0] as (signal: string) => void)('SIGTERM');
    expect(signals).toEqual(['SIGTERM']);
    again.leave();
  });

  it('paints only the rows that changed since the last frame', () => {
    const { output, screen } = opened();
    output.written = '';
    screen.paint(['one', 'two', 'three']);
    expect(output.written).toBe('\u001b[1;1Hone\u001b[0m\u001b[K\u001b[2;1Htwo\u001b[0m\u001b[K\u001b[3;1Hthree\u001b[0m\u001b[K');
    output.written = '';
    screen.paint(['one', 'TWO', 'three']);
    expect(output.written).toBe('\u001b[2;1HTWO\u001b[0m\u001b[K');
    output.written = '';
    screen.paint(['one', 'TWO', 'three']);
    expect(output.written).toBe('');
    screen.leave();
  });

  it('follows a resize: reports the new size, and the next frame is painted whole', () => {
    const { output, screen, sizes } = opened();
    screen.paint(['a', 'b', 'c']);
    output.resize(30, 2);
    expect(sizes).toEqual([{ columns: 30, rows: 2 }]);
    expect(screen.size()).toEqual({ columns: 30, rows: 2 });
    output.written = '';
    screen.paint(['a', 'b', 'c']);
    expect(output.written).toBe('\u001b[1;1Ha\u001b[0m\u001b[K\u001b[2;1Hb\u001b[0m\u001b[K');
    screen.leave();
  });

  it('gives everything back on leave (cursor, line mode, main screen), once, and stops listening', () => {
    const exitListeners = process.listenerCount('exit');
    const termListeners = process.listenerCount('SIGTERM');
    const { input, output, screen } = opened();
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    expect(process.listenerCount('SIGTERM')).toBe(termListeners + 1);
    output.written = '';
    screen.leave();
    screen.leave();
    expect(output.written).toBe('\u001b[0m\u001b[?25h\u001b[?1049l');
    expect(input.rawModes).toEqual([true, false]);
    expect(input.listenerCount('keypress')).toBe(0);
    expect(output.listenerCount('resize')).toBe(0);
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(process.listenerCount('SIGTERM')).toBe(termListeners);
    screen.paint(['after']);
    expect(output.written).toBe('\u001b[0m\u001b[?25h\u001b[?1049l');
  });

  it('gives the terminal back when the process exits without unwinding (process.exit)', () => {
    const before = new Set(process.listeners('exit'));
    const { input, output } = opened();
    output.written = '';
    // What process.exit() runs: the screen's 'exit' listener (only it: the test runner has its own).
    const added = process.listeners('exit').filter((listener) => !before.has(listener));
    expect(added).toHaveLength(1);
    (added[0] as (code: number) => void)(0);
    expect(output.written).toBe('\u001b[0m\u001b[?25h\u001b[?1049l');
    expect(input.rawModes).toEqual([true, false]);
  });
});
