import { execFileSync } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { BIN, privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { clusterSh, EXTRA_CLUSTER_HOSTS } from './helpers/cluster.js';
import { TmuxTerminal } from './helpers/tmux.js';

/**
 * `ucinder top` in a real terminal (tmux), against the real test bed: what
 * it shows, what its keys do on the server, and that the terminal is
 * sane afterwards. The interval is 2 s; waits are bounded polls of the screen.
 */
const TESTBED_DIR = process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed';
const MANAGE = `cinder-manage --config-file ${join(TESTBED_DIR, 'etc/cinder.conf')}`;
const bed = testbedEnv();
const env = { ...bed, ...privateHome(), UCINDER_MANAGE_RUNNER: 'local', UCINDER_MANAGE_COMMAND: MANAGE };
const { cli, json } = ucinderWith(env);
const TOP = `${process.execPath} ${BIN} top --interval 2`;

/** The refresh time in the header ("12:03:04Z"), as seconds of the day; undefined while none. */
function refreshedAt(screen: string[]): number | undefined {
  const match = / (\d\d):(\d\d):(\d\d)Z /.exec(screen[0] ?? '');
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
}

describe('ucinder top in a terminal, on the test bed', () => {
  let terminal: TmuxTerminal;
  beforeAll(() => {
    terminal = new TmuxTerminal(env, 100, 30);
    terminal.run(`${TOP}; echo "top exited $?"`);
  });
  afterAll(() => terminal.close());

  it("the overview: the test bed's services with their heartbeats and its pools with their capacity, and the health", async () => {
    terminal.keys('1');
    const screen = await terminal.untilShows('node1@mmj2#mmj2');
    const text = screen.join('\n');
    expect(text).toMatch(/HEALTH_(OK|WARN|ERR): /);
    expect(text).toMatch(/\| cinder-scheduler +\| node1 +\| up +\| enabled +\| \d+s ago +\|/);
    expect(text).toMatch(/\| cinder-volume +\| node1@mmj +\| up +\|/);
    expect(text).toMatch(/\| cinder-backup +\| node1 +\| up +\|/);
    // Allocated as Cinder reports it: it goes negative when the scheduler's count drifts (deletes after a restart).
    expect(text).toMatch(/\| node1@mmj#mmj +\| \[[#.]{10}\] +\d+% \| +[\d.]+ \| +-?[\d.]+ \| +[\d.]+ \|/);
    // The endpoint and the first 8 characters of the project.
    expect(screen[0]).toMatch(new RegExp(`^ ucinder top {2}127\\.0\\.0\\.1:\\d+/${bed.OS_PROJECT_ID!.slice(0, 8)} {2}API 3\\.\\d+ {2}\\d\\d:\\d\\d:\\d\\dZ \\d+ ms {2}\\d+ req`));
  });

  it('a volume created from outside is in view 2 at its first refresh after the create; / filters to it, Enter shows it, d y deletes it on the server', async () => {
    const name = uniqueName('it-top');
    const other = uniqueName('it-top-other');
    terminal.keys('2');
    await terminal.untilShows('+- Volumes (');
    const volume = await json('volume', 'create', '--size', '1', name);
    const decoy = await json('volume', 'create', '--size', '1', other);
    try {
      // The header's time is when the refresh on screen started: the first one after the create (a later second) must list the volume.
      const created = new Date();
      const createdSecond = created.getUTCHours() * 3600 + created.getUTCMinutes() * 60 + created.getUTCSeconds();
      const after = await terminal.until((screen) => (refreshedAt(screen) ?? 0) > createdSecond);
      // The table may cut the name and the ID on a 100-column screen; the ID's first part always shows.
      expect(after.filter((line) => line.includes(`| ${volume.id.slice(0, 8)}`))).toHaveLength(1);
      terminal.keys('/');
      terminal.type(name);
      terminal.keys('Enter');
      const filtered = await terminal.untilShows(`filter "${name}"`);
      const rows = filtered.filter((line) => /^[> ][* ]\| [0-9a-f]{8}/.test(line));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`| ${volume.id.slice(0, 8)}`);
      expect(filtered.join('\n')).not.toContain(other);
      terminal.keys('Enter');
      const shown = await terminal.untilShows('| Field');
      expect(shown.join('\n')).toMatch(new RegExp(`\\| id +\\| ${volume.id} +\\|`));
      expect(shown.join('\n')).toMatch(/\| properties +\| +\|/);
      terminal.keys('Escape');
      await terminal.until((screen) => !screen.some((line) => line.includes('| Field')));
      terminal.keys('d');
      await terminal.untilShows(`Delete volume ${name} (${volume.id})? [y/N]`);
      terminal.keys('n');
      await terminal.untilShows('not confirmed: nothing was sent');
      expect((await json('volume', 'show', volume.id)).status).toBe('available');
      terminal.keys('d');
      await terminal.untilShows('[y/N]');
      terminal.keys('y');
      await terminal.untilShows(`done: ucinder volume delete ${volume.id}`);
      const gone = await pollUntil(
        () => cli('volume', 'show', volume.id),
        (run) => run.code === 1,
        { attempts: 60, intervalMs: 1000 },
      );
      expect(gone.stderr).toBe(`ucinder: No volume with a name or ID of '${volume.id}' exists.\n`);
      terminal.keys('Escape');
      // Until the filter is gone: a key sent right after Escape would reach the screen as Alt+key.
      await terminal.until((screen) => !screen.some((line) => line.includes('(Esc clears)')));
    } finally {
      await cli('volume', 'delete', decoy.id);
      await cli('volume', 'delete', volume.id);
    }
  }, 180_000);

  it('works in 80×24: every row fits, the overview still shows services and pools', async () => {
    terminal.resize(80, 24);
    terminal.keys('1');
    const screen = await terminal.until((lines) => lines.some((line) => line.includes('+- Pools (')) && lines.length === 24);
    expect(screen.every((line) => line.length <= 80)).toBe(true);
    expect(screen.join('\n')).toContain('| cinder-scheduler');
    expect(screen[23]).toMatch(/ \? help {2}q quit/);
    terminal.resize(100, 30);
  });

  it('q leaves: main screen, cursor shown, echo and line mode back (stty), exit 0', async () => {
    terminal.keys('q');
    await terminal.untilShows('top exited 0');
    expect(terminal.show('#{alternate_on} #{cursor_flag}')).toBe('0 1');
    terminal.run('stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo|isig)$" | tr "\\n" " "; echo');
    const screen = await terminal.until((lines) => lines.some((line) => /^-?isig -?icanon -?echo$/.test(line)));
    expect(screen.filter((line) => /^-?isig -?icanon -?echo$/.test(line))).toEqual(['isig icanon echo']);
  });
});

describe('ucinder top: a dead service turns up in the overview with its fix, which it runs (cinder-manage only after two yes)', () => {
  let terminal: TmuxTerminal;
  beforeAll(() => {
    clusterSh(['start']);
    terminal = new TmuxTerminal(env, 120, 40);
  }, 300_000);
  afterAll(() => {
    terminal?.close();
    clusterSh(['stop']);
  }, 300_000);

  it('kill a node: the service-down problem names cleanup and the removal; the removal runs through the configured runner', async () => {
    const dead = EXTRA_CLUSTER_HOSTS[0]!;
    terminal.run(`${TOP}; echo "top exited $?"`);
    await terminal.until((screen) => screen.some((line) => line.includes(`| ${dead} `) && line.includes('| up ')));
    clusterSh(['kill', dead]);
    // The filter matches whole cells (the table cuts long ones): the dead node's rows only.
    terminal.keys('/');
    terminal.type(dead);
    terminal.keys('Enter');
    // service_down_time is 20 s in the test bed.
    await terminal.until((screen) => screen.some((line) => /^[> ][* ]\| error /.test(line)), { attempts: 90, intervalMs: 1000 });
    terminal.keys('Home', 'Enter');
    const panel = await terminal.untilShows('Press 1-2 to run');
    expect(panel.join('\n')).toContain(`Problem: service-down on service cinder-volume@${dead}`);
    expect(panel.join('\n')).toContain(`   1  ucinder block storage cleanup --host ${dead}`);
    expect(panel.join('\n')).toContain(`   2  ucinder volume service remove cinder-volume ${dead}`);
    terminal.keys('2');
    await terminal.untilShows(`Run: ucinder volume service remove cinder-volume ${dead}? [y/N]`);
    terminal.keys('y');
    await terminal.untilShows(`Remove the cinder-volume service on ${dead} from Cinder's database (cinder-manage on this host)? [y/N]`, { attempts: 60 });
    terminal.keys('y');
    const done = await terminal.untilShows(`done: ucinder volume service remove cinder-volume ${dead}`, { attempts: 120 });
    expect(done.join('\n')).toContain(`Service cinder-volume on host ${dead} removed.`);
    const services = (await json('volume', 'service', 'list', '--service', 'cinder-volume')) as { Host: string }[];
    expect(services.map((service) => service.Host)).not.toContain(dead);
    terminal.keys('Escape', 'q');
    await terminal.untilShows('top exited 0');
  }, 240_000);
});

describe('ucinder top: the server goes away and comes back', () => {
  let proxy: Server;
  let terminal: TmuxTerminal;
  const sockets = new Set<Socket>();
  const upstream = new URL(testbedEnv().OS_ENDPOINT!);
  const listen = (port = 0) =>
    new Promise<number>((resolve) => {
      proxy = createServer((client) => {
        const server = connect(Number(upstream.port), upstream.hostname);
        for (const socket of [client, server]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(server).pipe(client);
      });
      proxy.listen(port, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  afterAll(async () => {
    terminal?.close();
    if (proxy?.listening) await stop();
  });

  it('keeps the screen and the last data, says why in the header, and recovers by itself', async () => {
    const port = await listen();
    // Wide enough for the whole error in the header.
    terminal = new TmuxTerminal({ ...env, OS_ENDPOINT: `http://127.0.0.1:${port}` }, 220, 30);
    terminal.run(`${process.execPath} ${BIN} top --interval 2 --timeout 3; echo "top exited $?"`);
    terminal.keys('3');
    await terminal.untilShows('| cinder-scheduler');
    await stop();
    const down = await terminal.untilShows('refresh failed at', { attempts: 60 });
    expect(down[0]).toMatch(/refresh failed at \d\d:\d\d:\d\d \(data from \d+s ago; retrying\): cannot reach GET http:\/\/127\.0\.0\.1:\d+\/.*connection refused/);
    // The last data stays on screen.
    expect(down.join('\n')).toContain('| cinder-scheduler');
    await listen(port);
    const back = await terminal.until((screen) => !screen[0]!.includes('refresh failed') && screen.some((line) => line.includes('| cinder-scheduler')), { attempts: 60 });
    expect(back[0]).toMatch(/API 3\.\d+ {2}\d\d:\d\d:\d\dZ \d+ ms/);
    // SIGTERM (a closed ssh session's kill) also gives the terminal back.
    const top = execFileSync('pgrep', ['-P', terminal.show('#{pane_pid}'), '-f', 'top --interval'], { encoding: 'utf8' }).trim();
    execFileSync('kill', ['-TERM', top]);
    await terminal.untilShows('top exited 143');
    expect(terminal.show('#{alternate_on} #{cursor_flag}')).toBe('0 1');
  }, 180_000);
});

describe('ucinder top without a terminal', () => {
  it('exits 2 with one line pointing at status and --watch, before any request', async () => {
    const run = await ucinder(['--os-endpoint', 'http://127.0.0.1:9', 'top'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "ucinder: top needs a terminal (standard input and output); for a one-off check run 'ucinder status', to follow a listing add --watch (e.g. 'ucinder volume list --watch 5')\n",
    );
  });
});
