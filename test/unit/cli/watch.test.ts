import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { realProgram } from '../completion/helpers.js';
import { watch } from '../../../src/cli/watch.js';
import { bufferIOStreams, REDRAW_IN_PLACE } from '../../../src/output/iostreams.js';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run, type MockCinder } from '../helpers/harness.js';

const DETAIL = `${BASE_PATH}/volumes/detail`;
const T0 = Date.UTC(2026, 10, 28, 18, 0, 0);

function volume(id: string, status = 'available') {
  return { id, name: `n-${id}`, status, size: 1, attachments: [] };
}

/**
 * Runs `argv` (a watch) under a fake clock: `path` answers `reply(n)` for its
 * n-th request, each request takes `refreshMs`, each sleep advances the clock
 * by what it was asked; after `refreshes` refreshes the sleep presses Ctrl-C.
 * Returns the run, the number of requests and the sleeps.
 */
async function watchFor(
  mock: MockCinder,
  argv: string[],
  { path, reply, refreshes, refreshMs }: { path: string; reply: (request: number) => object; refreshes: number; refreshMs: number },
) {
  let clock = T0;
  let requests = 0;
  const sleeps: number[] = [];
  const interrupt = new AbortController();
  interceptVersions(mock.pool);
  mock.pool
    .intercept({ path, method: 'GET' })
    .reply(200, () => {
      clock += refreshMs;
      return reply(requests++);
    })
    .times(refreshes);
  const result = await run(argv, mock.agent, {
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
      if (sleeps.length >= refreshes) interrupt.abort();
    },
    sleeps,
    signal: interrupt.signal,
  });
  return { result, requests, sleeps };
}

describe('--watch through a command (pipe)', () => {
  const mock = mockCinderPerTest();

  it('makes exactly one request per refresh and prints each refresh after a timestamp line; Ctrl-C ends it with 0', async () => {
    const states = ['creating', 'available', 'in-use'];
    const { result, requests, sleeps } = await watchFor(mock, ['volume', 'list', '--watch', '2', '-f', 'value', '-c', 'Status'], {
      path: DETAIL,
      reply: (n) => ({ volumes: [volume('v-1', states[n]!)] }),
      refreshes: 3,
      refreshMs: 300,
    });
    expect(result).toEqual({
      code: 0,
      stdout: '2026-11-28T18:00:00Z\ncreating\n2026-11-28T18:00:02Z\navailable\n2026-11-28T18:00:04Z\nin-use\n',
      stderr: '',
    });
    expect(requests).toBe(3);
    // The interval counts from the start of each refresh: 2 s minus the 0.3 s the request took.
    expect(sleeps).toEqual([1700, 1700, 1700]);
  });

  it('volume backup list --watch shows the backup each refresh, one request per refresh', async () => {
    const states = ['creating', 'available'];
    const { result, requests } = await watchFor(mock, ['volume', 'backup', 'list', '--watch', '-f', 'value', '-c', 'Status'], {
      path: `${BASE_PATH}/backups/detail`,
      reply: (n) => ({ backups: [{ id: 'b-1', name: 'b', status: states[n], size: 1, volume_id: 'v-1', is_incremental: false }] }),
      refreshes: 2,
      refreshMs: 100,
    });
    expect(result).toEqual({ code: 0, stdout: '2026-11-28T18:00:00Z\ncreating\n2026-11-28T18:00:02Z\navailable\n', stderr: '' });
    expect(requests).toBe(2);
  });

  it('--watch alone refreshes every 2 s; a refresh slower than the interval is followed by a full interval', async () => {
    const { result, requests, sleeps } = await watchFor(mock, ['volume', 'show', 'v-1', '--watch', '-f', 'value', '-c', 'status'], {
      path: `${BASE_PATH}/volumes/v-1`,
      reply: () => ({ volume: volume('v-1') }),
      refreshes: 2,
      refreshMs: 2500,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^available$/gm)).toHaveLength(2);
    expect(requests).toBe(2);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('rejects an interval under 1 s before any request (exit 2)', async () => {
    const result = await run(['volume', 'list', '--watch', '0.2'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--watch [seconds]' argument '0.2' is invalid. expected a number of seconds, at least 1.");
  });

  it('an error of a refresh ends the watch with that error', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: '/v3/0123456789abcdef0123456789abcdef/os-services', method: 'GET' }).reply(200, { services: [] });
    mock.pool.intercept({ path: '/v3/0123456789abcdef0123456789abcdef/os-services', method: 'GET' }).reply(403, { forbidden: { message: 'Policy does not allow it' } });
    const result = await run(['volume', 'service', 'list', '--watch', '1', '-f', 'json'], mock.agent);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n\[\]\n$/);
    expect(result.stderr).toContain('Policy does not allow it');
  });
});

describe('watch on a terminal', () => {
  async function frames(views: string[], colorEnabled: boolean) {
    const streams = bufferIOStreams({ stdoutIsTTY: true, colorEnabled });
    const interrupt = new AbortController();
    let refreshes = 0;
    await watch({
      io: streams.io,
      intervalMs: 2000,
      title: 'ucinder volume list',
      refresh: async (io) => {
        io.stdout.write(views[refreshes++]!);
      },
      signal: interrupt.signal,
      now: () => T0,
      sleep: async () => {
        if (refreshes === views.length) interrupt.abort();
      },
    });
    return streams.stdout().split(REDRAW_IN_PLACE).slice(1);
  }

  const first = '+----+\n| a1 |\n| b1 |\n+----+\n';
  const second = '+----+\n| a1 |\n| b2 |\n+----+\n';

  it('redraws in place under a title line and marks the lines that changed (reverse video with colour)', async () => {
    expect(await frames([first, second], true)).toEqual([
      'Every 2s: ucinder volume list    2026-11-28T18:00:00Z\n\n+----+\n| a1 |\n| b1 |\n+----+\n',
      'Every 2s: ucinder volume list    2026-11-28T18:00:00Z\n\n+----+\n| a1 |\n\u001b[7m| b2 |\u001b[27m\n+----+\n',
    ]);
  });

  it('marks a changed line with a trailing * without colour; an unchanged view has no marks', async () => {
    const shown = await frames([first, second, second], false);
    expect(shown[1]).toContain('| a1 |\n| b2 | *\n+----+\n');
    expect(shown[2]).not.toContain('*');
  });
});

describe('--watch on every command that shows something', () => {
  it('every list and show command, and status, take --watch [seconds]', async () => {
    const leaves: string[] = [];
    const walk = (command: Command, path: string[]) => {
      if (!command.commands.length) return void leaves.push(path.join(' '));
      for (const sub of command.commands) walk(sub, [...path, sub.name()]);
    };
    walk(await realProgram(), []);
    const viewers = leaves.filter((path) => /(^| )(list|show)$/.test(path) || path === 'status');
    // The tree's viewers: the volume, snapshot, backup, attachment, type, QoS, group, message, service… listings and shows.
    expect(viewers.length).toBeGreaterThan(50);
    const program = await realProgram();
    const without = viewers.filter((path) => {
      let command: Command | undefined = program;
      for (const word of path.split(' ')) command = command?.commands.find((sub) => sub.name() === word);
      return !command?.options.some((option) => option.flags === '--watch [seconds]');
    });
    expect(without).toEqual([]);
  });
});
