import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, run } from '../../helpers/harness.js';

const SERVICES = [
  {
    binary: 'cinder-scheduler',
    host: 'controller-01',
    zone: 'nova',
    status: 'enabled',
    state: 'up',
    updated_at: '2024-05-01T10:00:00.000000',
    disabled_reason: null,
    cluster: null,
  },
  {
    binary: 'cinder-volume',
    host: 'controller-01@ceph-ssd',
    zone: 'nova',
    status: 'disabled',
    state: 'down',
    updated_at: '2024-05-01T09:00:00.000000',
    disabled_reason: 'maintenance window',
    cluster: 'cluster-a@ceph-ssd',
    backend_state: 'up',
    replication_status: 'failed-over',
    active_backend_id: 'secondary',
    frozen: true,
  },
];

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

/** Each column's text, top to bottom, without the blanks wrapping took out: what the rows held, in order. */
function columnTexts(table: string): string[] {
  const lines = table.split('\n').filter((line) => line.startsWith('|'));
  const columns = lines[0]!.split('|').length - 2;
  const body = table
    .split('\n')
    .slice(table.split('\n').findIndex((line, index) => index > 0 && line.startsWith('+')) + 1)
    .filter((line) => line.startsWith('|'));
  return Array.from({ length: columns }, (_, column) =>
    body
      .map((line) => line.split('|')[column + 1]!.trim())
      .join('')
      .replace(/\s/g, ''),
  );
}

/** The columns cliff's own fitting works on here: it never narrows a column below its header, and the --long headers alone are 157 wide. */
const SOME = ['-c', 'Binary', '-c', 'Host', '-c', 'Updated At', '-c', 'Disabled Reason', '-c', 'Cluster'];

/** `volume service list --long` is ~180 columns: readable on a 120-column terminal, untouched in a pipe (as openstack prints it). */
describe('volume service list --long on a narrow terminal', () => {
  const mock = mockCinderPerTest();

  const list = async (argv: string[], options: Parameters<typeof run>[2] = {}) => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-services`, method: 'GET' }).reply(200, { services: SERVICES });
    const result = await run(['volume', 'service', 'list', '--long', ...argv], mock.agent, options);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  it('in a pipe: the natural width, as openstack prints it', async () => {
    expect(widest(await list([]))).toBeGreaterThan(170);
  });

  it('on a 120-column terminal: fitted to it (headers wrap too), every value still there', async () => {
    const fitted = await list([], { terminalColumns: 120 });
    expect(widest(fitted)).toBeLessThanOrEqual(120);
    // Headers wrap between words, never inside one.
    for (const word of ['Replication', 'Disabled', 'Backend', 'Updated']) expect(fitted).toContain(` ${word} `);
    const columns = columnTexts(fitted);
    expect(columns[1]).toBe('controller-01controller-01@ceph-ssd');
    expect(columns[6]).toBe('Nonemaintenancewindow');
    expect(columns[7]).toBe('Nonecluster-a@ceph-ssd');
    expect(columns[9]).toBe('Nonefailed-over');
  });

  it('--max-width and CLIFF_MAX_TERM_WIDTH fit a pipe too, as cliff does (headers whole); the flag wins', async () => {
    expect(widest(await list(SOME))).toBe(116);
    expect(widest(await list([...SOME, '--max-width', '100']))).toBeLessThanOrEqual(100);
    expect(widest(await list(SOME, { env: { CLIFF_MAX_TERM_WIDTH: '100' } }))).toBeLessThanOrEqual(100);
    const flagWins = await list([...SOME, '--max-width', '110'], { env: { CLIFF_MAX_TERM_WIDTH: '100' } });
    expect(widest(flagWins)).toBeLessThanOrEqual(110);
    expect(widest(flagWins)).toBeGreaterThan(100);
  });

  it('--max-width 0 or CLIFF_FIT_WIDTH=0 leaves a terminal table at its natural width; --fit-width or CLIFF_FIT_WIDTH=1 fits it', async () => {
    expect(widest(await list(['--max-width', '0'], { terminalColumns: 120 }))).toBeGreaterThan(170);
    expect(widest(await list([], { terminalColumns: 120, env: { CLIFF_FIT_WIDTH: '0' } }))).toBeGreaterThan(170);
    expect(widest(await list([...SOME, '--max-width', '0', '--fit-width'], { terminalColumns: 100 }))).toBeLessThanOrEqual(100);
    expect(widest(await list([...SOME, '--max-width', '0'], { terminalColumns: 100, env: { CLIFF_FIT_WIDTH: '1' } }))).toBeLessThanOrEqual(100);
  });

  it('a bad width is a usage error before any request', async () => {
    expect((await run(['volume', 'service', 'list', '--max-width', 'wide'], mock.agent)).code).toBe(2);
    const badVariable = await run(['volume', 'service', 'list'], mock.agent, { env: { CLIFF_MAX_TERM_WIDTH: 'wide' } });
    expect(badVariable).toEqual({ code: 2, stdout: '', stderr: "ucinder: CLIFF_MAX_TERM_WIDTH must be an integer, got 'wide'\n" });
  });
});
