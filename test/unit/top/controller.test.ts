import { describe, expect, it } from 'vitest';
import { renderFrame } from '../../../src/top/frame.js';
import { VIEWS } from '../../../src/top/views/index.js';
import { serveCloud } from '../commands/status/fake-cloud.js';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests } from '../helpers/harness.js';
import { RecordingRunner } from '../host/recording-runner.js';
import { T0, topAgainst, type TopUnderTest } from './top-harness.js';

/** Cinder's timestamps: UTC, no zone. */
const minutesAgo = (minutes: number) => new Date(T0 - minutes * 60_000).toISOString().replace('Z', '000');
const UP = (host: string, binary = 'cinder-volume') => ({
  binary,
  host,
  zone: 'nova',
  status: 'enabled',
  state: 'up',
  updated_at: minutesAgo(0.1),
  cluster: null,
  frozen: false,
  replication_status: 'disabled',
  active_backend_id: null,
});
const VOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const VOL2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const ATT = 'bbbbbbbb-0000-4000-8000-000000000001';
const volume = (id: string, name: string, status = 'available', size = 1) => ({
  id,
  name,
  status,
  size,
  volume_type: 'fast',
  attachments: [],
  'os-vol-host-attr:host': 'node1@lvm#lvm',
  metadata: {},
});

/** Starts the controller and waits for its first refresh. */
async function started(top: TopUnderTest): Promise<void> {
  top.controller.start();
  top.clock.advance(0);
  await top.settled();
}

/** The volumes view with `volumes` as its listing (answered `times` times). */
function volumesView(mock: ReturnType<typeof mockCinderPerTest>, volumes: object[], times = 1) {
  interceptVersions(mock.pool);
  mock.pool
    .intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' })
    .reply(200, { volumes })
    .times(times);
}

async function onVolumes(top: TopUnderTest): Promise<void> {
  top.press('2');
  await started(top);
}

describe('ucinder top: the overview', () => {
  const mock = mockCinderPerTest();

  it("reads status's listings once per refresh and shows its problems and fixes, the services and the pools' capacity, in 80×24", async () => {
    const seen = serveCloud(mock.pool, {
      services: [UP('node1', 'cinder-scheduler'), UP('node1@lvm'), { ...UP('node2@lvm'), state: 'down', updated_at: minutesAgo(15) }],
      pools: [
        { name: 'node1@lvm#lvm', capabilities: { total_capacity_gb: 100, free_capacity_gb: 8, allocated_capacity_gb: 92 } },
        { name: 'node2@lvm#lvm', capabilities: { total_capacity_gb: 'infinite', free_capacity_gb: 'infinite' } },
      ],
    });
    const top = topAgainst(mock.agent);
    await started(top);
    // The same fixed set of filtered listings as `ucinder status` (test/unit/commands/status): never one per resource.
    expect(seen).toHaveLength(36);
    expect(top.screen()).toEqual([
      ' ucinder top  cinder.test:8776/01234567  API 3.70  12:00:00Z 0 ms  37 req ',
      '  1 Overview  2 Volumes  3 Services  4 Snapshots  5 Messages   HEALTH_ERR: 1 err',
      '  +- Problems (2) -----------------+---------------------+---------------------+',
      '  | Severity | Resource            | Problem             | Fix                 |',
      '  +----------+---------------------+---------------------+---------------------+',
      '> | error    | service cinder-vol… | cinder-volume on n… | ucinder block stor… |',
      '  | warning  | pool node1@lvm#lvm  | pool node1@lvm#lvm… | pools with room: u… |',
      '  +- Services (3) ---+-----------+-------+---------+-----------+',
      '  | Binary           | Host      | State | Status  | Heartbeat |',
      '  +------------------+-----------+-------+---------+-----------+',
      '  | cinder-scheduler | node1     | up    | enabled | 6s ago    |',
      '  | cinder-volume    | node1@lvm | up    | enabled | 6s ago    |',
      '  | cinder-volume    | node2@lvm | down  | enabled | 15m ago   |',
      '  +- Pools (2) ---+-------------------+----------+---------------+-----------+',
      '  | Pool          | Capacity          | Free GiB | Allocated GiB | Total GiB |',
      '  +---------------+-------------------+----------+---------------+-----------+',
      '  | node1@lvm#lvm | [#########.]  92% |        8 |            92 |       100 |',
      '  | node2@lvm#lvm | infinite          | infinite |               |  infinite |',
      '  +---------------+-------------------+----------+---------------+-----------+',
      '',
      '',
      '',
      '',
      ' Enter fix  / filter  s sort  ? help  q quit  1-5 views',
    ]);
    // Colours say the same: the dead service red, the nearly full pool's bar red, the health red.
    const lines = renderFrame(top.controller.state, VIEWS, { columns: 80, rows: 24 }, T0);
    expect(lines.lines[12]!.filter((segment) => segment.tone === 'error').map((segment) => segment.text.trim())).toEqual([
      'cinder-volume',
      'node2@lvm',
      'down',
      'enabled',
      '15m ago',
    ]);
    expect(lines.lines[16]!.find((segment) => segment.text.includes('92%'))?.tone).toBe('error');
    expect(lines.lines[1]!.find((segment) => segment.text === 'HEALTH_ERR')?.tone).toBe('error');
    await top.close();
  });

  it('every line fits the screen, however narrow; the problem in full and its commands are one Enter away', async () => {
    serveCloud(mock.pool, { services: [{ ...UP('node2@lvm'), state: 'down', updated_at: minutesAgo(15) }] });
    const top = topAgainst(mock.agent);
    await started(top);
    for (const columns of [40, 80, 132]) expect(top.screen(columns, 20).every((line) => [...line].length <= columns)).toBe(true);
    top.press('return');
    const screen = top.screen(140, 30).join('\n');
    expect(screen).toContain('Problem: service-down on service cinder-volume@node2@lvm');
    expect(screen).toContain('| problem  | cinder-volume on node2@lvm is down for 15m (last heartbeat 2026-03-01T11:45:00.000000)');
    expect(screen).toContain('   1  ucinder block storage cleanup --host node2@lvm\n   2  ucinder volume service remove cinder-volume node2@lvm');
    await top.close();
  });
});

describe('ucinder top: refresh pacing (fake clock)', () => {
  const mock = mockCinderPerTest();

  it('refreshes the visible view one interval after its last start, fetches a view on first sight, and never faster when views are switched', async () => {
    const seen = serveCloud(mock.pool, { volumes: { '': [volume(VOL, 'vol1')] } });
    const top = topAgainst(mock.agent, { intervalMs: 5000 });
    await started(top);
    expect(seen).toHaveLength(36);
    expect(top.clock.nextTimerAt()).toBe(T0 + 5000);
    top.clock.advance(4999);
    await top.settled();
    expect(seen).toHaveLength(36);
    top.clock.advance(1);
    await top.settled();
    expect(seen).toHaveLength(72);
    // View 2 was never fetched: at once, one listing.
    top.press('2');
    top.clock.advance(0);
    await top.settled();
    expect(seen.slice(72)).toEqual(['/volumes/detail']);
    // Back to the overview (refreshed at +5 s): not before +10 s.
    top.press('1');
    expect(top.clock.nextTimerAt()).toBe(T0 + 10_000);
    top.press('2', '1', '2');
    expect(top.clock.nextTimerAt()).toBe(T0 + 10_000);
    top.clock.advance(5000);
    await top.settled();
    expect(seen.slice(72)).toEqual(['/volumes/detail', '/volumes/detail']);
    await top.close();
  });

  it('a slow refresh stacks nothing behind it, and is followed by a full interval of rest', async () => {
    interceptVersions(mock.pool);
    let requests = 0;
    const top = topAgainst(mock.agent, { intervalMs: 5000 });
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' })
      .reply(200, () => {
        requests++;
        // The answer takes a minute: timers would fire now if any were armed.
        top.clock.advance(60_000);
        return { volumes: [] };
      })
      .times(2);
    await onVolumes(top);
    expect(requests).toBe(1);
    expect(top.clock.nextTimerAt()).toBe(T0 + 65_000);
    top.clock.advance(5000);
    await top.settled();
    expect(requests).toBe(2);
    expect(top.clock.nextTimerAt()).toBe(T0 + 130_000);
    await top.close();
  });
});

describe('ucinder top: an unreachable server', () => {
  const mock = mockCinderPerTest();
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8776'), { code: 'ECONNREFUSED' });

  it('keeps the screen and the last data (greyed), says why in the header, and recovers by itself', async () => {
    interceptVersions(mock.pool);
    const path = `${BASE_PATH}/volumes/detail`;
    mock.pool.intercept({ path, method: 'GET' }).reply(200, { volumes: [volume(VOL, 'vol1')] });
    // One refusal (the mock's error carries no socket code, so the HTTP layer does not retry it).
    mock.pool.intercept({ path, method: 'GET' }).replyWithError(refused());
    mock.pool.intercept({ path, method: 'GET' }).reply(200, { volumes: [volume(VOL, 'vol1'), volume(VOL2, 'vol2', 'creating')] });
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    top.clock.advance(5000);
    await top.settled();
    const down = top.screen(250, 12);
    expect(down[0]).toMatch(/^ ucinder top {2}cinder\.test:8776\/01234567 {2}refresh failed at 12:00:05 \(data from 5s ago; retrying\): cannot reach GET .*: connection refused $/);
    expect(down.join('\n')).toContain('| aaaaaaaa-0000-4000-8000-000000000001 | vol1 ');
    const styled = renderFrame(top.controller.state, VIEWS, { columns: 120, rows: 12 }, top.clock.now());
    expect(styled.lines[5]!.every((segment) => segment.dim)).toBe(true);
    top.clock.advance(5000);
    await top.settled();
    const back = top.screen(120, 12);
    expect(back[0]).not.toContain('refresh failed');
    // The new volume is marked as changed; the row kept is not.
    expect(back.filter((line) => line.includes('| aaaaaaaa'))).toEqual(
      [
        '> | aaaaaaaa-0000-4000-8000-000000000001 | vol1 | available |    1 | fast | | node1@lvm#lvm |',
        ' *| aaaaaaaa-0000-4000-8000-000000000002 | vol2 | creating  |    1 | fast | | node1@lvm#lvm |',
      ].map((line) => line.replace('| fast | |', '| fast |             |')),
    );
    await top.close();
  });

  it('unreachable from the start: the screen says so, and the session opens at a later refresh', async () => {
    mock.pool.intercept({ path: '/', method: 'GET' }).replyWithError(refused());
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/detail`, method: 'GET' }).reply(200, { volumes: [volume(VOL, 'vol1')] });
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    const down = top.screen(250, 10);
    expect(down[0]).toContain('refresh failed at 12:00:00 (no data yet; retrying): cannot reach GET http://cinder.test:8776/');
    expect(down[2]).toBe('  No data: the first refresh failed (see above); retrying.');
    top.clock.advance(5000);
    await top.settled();
    expect(top.screen(100, 10).join('\n')).toContain('| vol1 ');
    await top.close();
  });
});

describe('ucinder top: actions ask first, then run the command', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('d: nothing is sent on n; y deletes through `volume delete`, and says so', async () => {
    volumesView(mock, [volume(VOL, 'vol1')]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    const requests = top.controller.state.header.requests;
    top.press('d');
    expect(top.screen().at(-1)).toBe(` Delete volume vol1 (${VOL})? [y/N]`);
    top.press('n');
    await top.settled();
    expect(top.screen().at(-2)).toBe(' not confirmed: nothing was sent');
    expect(top.controller.state.header.requests).toBe(requests);
    record('DELETE', `/volumes/${VOL}`, 202, {});
    top.press('d', 'y');
    await top.settled();
    expect(calls).toEqual([{ method: 'DELETE', path: `/volumes/${VOL}`, body: undefined }]);
    expect(top.screen().at(-2)).toBe(` done: ucinder volume delete ${VOL}`);
    await top.close();
  });

  it("a refusal shows Cinder's own message", async () => {
    volumesView(mock, [volume(VOL, 'vol1', 'in-use')]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    const message =
      'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.';
    record('DELETE', `/volumes/${VOL}`, 400, { badRequest: { code: 400, message } });
    // Cinder's 400 does not say whether a deletion is already under way: the delete asks the status.
    record('GET', `/volumes/${VOL}`, 200, { volume: volume(VOL, 'vol1', 'in-use') });
    top.press('d', 'y');
    await top.settled();
    expect(top.controller.state.message).toEqual({ text: `failed: ucinder volume delete ${VOL}: ${message} (HTTP 400)`, tone: 'error' });
    await top.close();
  });

  it('r and e ask for the new status or size, refuse a wrong one in place, then confirm', async () => {
    volumesView(mock, [volume(VOL, 'vol1', 'error', 2)]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    top.press('r');
    expect(await top.question()).toBe(`New status of volume vol1 (${VOL}) (now error; available error creating deleting in-use attaching detaching error_deleting maintenance):`);
    top.type('bogus');
    top.press('return');
    expect(top.controller.state.prompt).toMatchObject({
      kind: 'input',
      text: 'bogus',
      error: 'one of: available, error, creating, deleting, in-use, attaching, detaching, error_deleting, maintenance',
    });
    expect(top.screen().slice(-2)).toEqual([' attaching, detaching, error_deleting, maintenance)', ' > bogus ']);
    top.press('backspace', 'backspace', 'backspace', 'backspace', 'backspace');
    top.type('available');
    top.press('return');
    expect(await top.question()).toBe(`Reset the status of volume vol1 (${VOL}) from error to available (the database only, not the backend)?`);
    // `volume set` looks the volume up, then resets it.
    record('GET', `/volumes/${VOL}`, 200, { volume: volume(VOL, 'vol1', 'error', 2) });
    record('POST', `/volumes/${VOL}/action`, 202, {});
    top.press('y');
    await top.settled();
    expect(calls.at(-1)).toEqual({ method: 'POST', path: `/volumes/${VOL}/action`, body: { 'os-reset_status': { status: 'available' } } });
    top.press('e');
    expect(await top.question()).toBe(`New size of volume vol1 (${VOL}) in GiB (now 2):`);
    top.type('2');
    top.press('return');
    expect(top.controller.state.prompt).toMatchObject({ kind: 'input', error: 'a whole number of GiB above 2' });
    top.press('backspace');
    top.type('5');
    top.press('return');
    expect(await top.question()).toBe(`Extend volume vol1 (${VOL}) from 2 to 5 GiB?`);
    record('GET', `/volumes/${VOL}`, 200, { volume: volume(VOL, 'vol1', 'available', 2) });
    record('POST', `/volumes/${VOL}/action`, 202, {});
    top.press('y');
    await top.settled();
    expect(calls.at(-1)).toEqual({ method: 'POST', path: `/volumes/${VOL}/action`, body: { 'os-extend': { new_size: 5 } } });
    expect(top.controller.state.message?.text).toBe(`done: ucinder volume set --size 5 ${VOL}`);
    await top.close();
  });

  it('D reads the attachments of the volume and deletes the one chosen', async () => {
    volumesView(mock, [volume(VOL, 'vol1', 'reserved')]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    record('GET', `/attachments/detail?volume_id=${VOL}`, 200, { attachments: [{ id: ATT, volume_id: VOL, instance: null, status: 'reserved' }] });
    top.press('D');
    expect(await top.question()).toBe(`Delete attachment ${ATT} (reserved, no server) of volume vol1 (${VOL})?`);
    record('DELETE', `/attachments/${ATT}`, 200, {});
    top.press('y');
    await top.settled();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /attachments/detail?volume_id=${VOL}`, `DELETE /attachments/${ATT}`]);
    await top.close();
  });

  it('x disables a service with a reason, and enables a disabled one', async () => {
    serveCloud(mock.pool, { services: [UP('node1@lvm'), { ...UP('node3@lvm'), status: 'disabled', disabled_reason: 'disk swap' }] });
    const top = topAgainst(mock.agent);
    top.press('3');
    await started(top);
    top.press('x');
    expect(await top.question()).toBe('Why disable cinder-volume on node1@lvm? (shown in service list; Enter for no reason)');
    top.type('firmware');
    top.press('return');
    expect(await top.question()).toBe('Disable cinder-volume on node1@lvm (firmware)? The scheduler places no new volumes there.');
    record('PUT', '/os-services/disable-log-reason', 200, { disabled: true });
    top.press('y');
    await top.settled();
    expect(calls.at(-1)).toEqual({ method: 'PUT', path: '/os-services/disable-log-reason', body: { host: 'node1@lvm', binary: 'cinder-volume', disabled_reason: 'firmware' } });
    top.press('down', 'x');
    expect(await top.question()).toBe('Enable cinder-volume on node3@lvm?');
    record('PUT', '/os-services/enable', 200, { disabled: false });
    top.press('y');
    await top.settled();
    expect(calls.at(-1)).toEqual({ method: 'PUT', path: '/os-services/enable', body: { host: 'node3@lvm', binary: 'cinder-volume' } });
    await top.close();
  });

  it("Enter on a problem runs its fix; a service removal goes through cinder-manage only after the command's own second question", async () => {
    serveCloud(mock.pool, { services: [{ ...UP('node2@lvm'), state: 'down', updated_at: minutesAgo(15) }] });
    const runner = new RecordingRunner([{ stdout: 'Service cinder-volume on host node2@lvm removed.\n' }]);
    const top = topAgainst(mock.agent, { runner, env: { UCINDER_MANAGE_COMMAND: 'cinder-manage --config-file /etc/cinder/cinder.conf' } });
    await started(top);
    top.press('return', '2');
    expect(await top.question()).toBe('Run: ucinder volume service remove cinder-volume node2@lvm?');
    top.press('y');
    // The command checks the service is down (GET /os-services?host=…), then asks its own question, in the screen.
    expect(await top.question()).toBe("Remove the cinder-volume service on node2@lvm from Cinder's database (cinder-manage on this host)?");
    top.press('n');
    await top.settled();
    expect(runner.calls).toEqual([]);
    expect(top.controller.state.message).toEqual({ text: 'failed: ucinder volume service remove cinder-volume node2@lvm: not removed: not confirmed', tone: 'error' });
    top.press('return', '2');
    expect(await top.question()).toBe('Run: ucinder volume service remove cinder-volume node2@lvm?');
    top.press('y');
    expect(await top.question()).toMatch(/^Remove the cinder-volume service/);
    top.press('y');
    await top.settled();
    expect(runner.shown()).toEqual(['cinder-manage --config-file /etc/cinder/cinder.conf service remove cinder-volume node2@lvm']);
    expect(top.controller.state.message?.text).toBe('done: ucinder volume service remove cinder-volume node2@lvm');
    // What the command printed is shown in the screen.
    expect(top.screen(120, 30).join('\n')).toContain('| result  | Service cinder-volume on host node2@lvm removed.');
    await top.close();
  });

  it('one action at a time; Ctrl-C at a question leaves, answering no', async () => {
    volumesView(mock, [volume(VOL, 'vol1')]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    top.press('d');
    top.press('C-c');
    await expect(top.controller.finished).resolves.toBe(0);
    await top.settled();
    expect(calls).toEqual([]);
    await top.close();
  });
});

describe('ucinder top: keys', () => {
  const mock = mockCinderPerTest();

  it('/ filters any column, s sorts the table, Enter shows the row as `volume show` does, Esc goes back, q quits', async () => {
    volumesView(mock, [volume(VOL, 'vol-b', 'available', 3), volume(VOL2, 'vol-a', 'error', 1)]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    top.press('/');
    top.type('ERR');
    expect(top.screen(120, 12).filter((line) => line.includes('| aaaaaaaa'))).toHaveLength(1);
    top.press('return');
    expect(top.screen(120, 12)[2]).toMatch(/^ {2}\+- Volumes \(1 of 2, filter "ERR"\) -/);
    top.press('escape');
    top.press('s', 's');
    expect(
      top
        .screen(120, 12)
        .filter((line) => line.includes('| aaaaaaaa'))
        .map((line) => line.split('|')[2]!.trim()),
    ).toEqual(['vol-a', 'vol-b']);
    top.press('S');
    expect(
      top
        .screen(120, 12)
        .filter((line) => line.includes('| aaaaaaaa'))
        .map((line) => line.split('|')[2]!.trim()),
    ).toEqual(['vol-b', 'vol-a']);
    top.press('end', 'return');
    const details = top.screen(120, 40).join('\n');
    expect(details).toContain(`volume vol-a (${VOL2})`);
    // volume show's fields: metadata as properties, volume_type as type.
    expect(details).toMatch(/\| properties +\| +\|/);
    expect(details).toMatch(/\| type +\| fast +\|/);
    top.press('escape', '?');
    expect(top.screen(120, 40).join('\n')).toContain('| D          | on a volume: delete one of the volume');
    top.press('escape', 'q');
    await expect(top.controller.finished).resolves.toBe(0);
    await top.close();
  });

  it('a name made of escape sequences reaches the screen as harmless text', async () => {
    volumesView(mock, [volume(VOL, '\u001b]0;pwned\u0007\u001b[2Jevil')]);
    const top = topAgainst(mock.agent);
    await onVolumes(top);
    const screen = top.screen(120, 12);
    expect(screen.filter((line) => /[\u0000-\u001f\u007f]/.test(line))).toEqual([]);
    expect(screen.join('\n')).toContain('?]0;pwned??[2Jevil');
    await top.close();
  });
});
