import { Readable, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { serveCloud } from '../commands/status/fake-cloud.js';
import { ENDPOINT_ROOT, mockCinderPerTest, PROJECT, run } from '../helpers/harness.js';
import { FakeTerminalInput, FakeTerminalOutput, lastTextAt } from './fake-terminal.js';

const RESTORED = '\u001b[0m\u001b[?25h\u001b[?1049l';

/** `ucinder top` through main() on a fake terminal; returns the run's promise and the terminal. */
function topOnTerminal(agent: Parameters<typeof transportFor>[0], signal?: AbortSignal, output = new FakeTerminalOutput(100, 30)) {
  const input = new FakeTerminalInput();
  const streams = bufferIOStreams({ stdoutIsTTY: true, stderrIsTTY: true, colorEnabled: false, columns: 100 });
  const io = { ...streams.io, console: { input, output, inputIsTTY: true } };
  const transport = { send: transportFor(agent).send, close: async () => undefined };
  const code = main(['--no-cache', 'top', '--interval', '60'], {
    io,
    env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' },
    transport,
    sleep: async () => undefined,
    signal,
  });
  /** Waits (boundedly) until the screen shows `text` on some row. */
  const shows = async (text: string) => {
    for (let turn = 0; turn < 2000; turn++) {
      for (let row = 1; row <= output.rows; row++) if (lastTextAt(output.written, row)?.includes(text)) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`the screen never showed '${text}'`);
  };
  return { code, input, output, stderr: streams.stderr, shows };
}

describe('ucinder top on a terminal', () => {
  const mock = mockCinderPerTest();

  it('paints the overview, and q gives the terminal back as it was (cursor, line mode, main screen): exit 0', async () => {
    serveCloud(mock.pool, { services: [{ binary: 'cinder-volume', host: 'node1@lvm', zone: 'nova', status: 'enabled', state: 'up', updated_at: null }] });
    const top = topOnTerminal(mock.agent);
    await top.shows('| cinder-volume | node1@lvm | up ');
    expect(top.output.written.startsWith('\u001b[?1049h\u001b[?25l\u001b[2J')).toBe(true);
    top.input.write('q');
    expect(await top.code).toBe(0);
    expect(top.output.written.endsWith(RESTORED)).toBe(true);
    expect(top.input.rawModes).toEqual([true, false]);
    expect(top.stderr()).toBe('');
  });

  it('Ctrl-C from outside (SIGINT) leaves too, with 130', async () => {
    serveCloud(mock.pool, {});
    const interrupt = new AbortController();
    const top = topOnTerminal(mock.agent, interrupt.signal);
    await top.shows('No problems.');
    interrupt.abort();
    expect(await top.code).toBe(130);
    expect(top.output.written.endsWith(RESTORED)).toBe(true);
  });

  it('a bug while drawing still gives the terminal back, then is reported as an unexpected error (exit 1)', async () => {
    // The terminal's size is read to draw each frame: here that read fails once the screen is set up.
    const output = new FakeTerminalOutput(100, 30);
    let failed = false;
    Object.defineProperty(output, 'columns', {
      get: () => {
        if (!failed && output.written.includes('\u001b[2J')) {
          failed = true;
          throw new TypeError('drawing went wrong');
        }
        return 100;
      },
    });
    const top = topOnTerminal(mock.agent, undefined, output);
    expect(await top.code).toBe(1);
    expect(top.output.written).toBe(`\u001b[?1049h\u001b[?25l\u001b[2J${RESTORED}`);
    expect(top.input.rawModes).toEqual([true, false]);
    expect(top.stderr()).toBe('ucinder: unexpected error: drawing went wrong\nucinder: run with --debug for details\n');
  });
});

describe('ucinder top: refusals (exit 2, nothing sent)', () => {
  const mock = mockCinderPerTest();

  it('not on a terminal: exit 2 with the commands that work there', async () => {
    const result = await run(['top'], mock.agent);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "ucinder: top needs a terminal (standard input and output); for a one-off check run 'ucinder status', to follow a listing add --watch (e.g. 'ucinder volume list --watch 5')\n",
    });
  });

  it('standard input a pipe, even with a terminal for output: exit 2', async () => {
    const streams = bufferIOStreams({ stdoutIsTTY: true });
    const io = { ...streams.io, console: { input: Readable.from(['']), output: new PassThrough(), inputIsTTY: false } };
    expect(await main(['top'], { io, env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' } })).toBe(2);
    expect(streams.stderr()).toMatch(/^ucinder: top needs a terminal/);
  });

  it('an interval under a second: exit 2', async () => {
    const result = await run(['top', '--interval', '0.5'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: option '--interval <seconds>' argument '0.5' is invalid. expected a number of seconds, at least 1.\n");
  });

  it('inside the shell: refused, the shell goes on', async () => {
    const streams = bufferIOStreams();
    const io = { ...streams.io, console: { input: Readable.from(['top\n']), output: new PassThrough(), inputIsTTY: false } };
    const code = await main(['--no-cache'], { io, env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' } });
    expect(code).toBe(2);
    expect(streams.stderr()).toBe('ucinder: line 1: top cannot run inside the ucinder shell (both read the keyboard): run it from your login shell\n');
  });
});
