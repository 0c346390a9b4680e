import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, run, stubRecording } from '../../helpers/harness.js';

describe('volume host set', () => {
  const mock = mockCinderPerTest();
  it('host set --disable freezes and --enable thaws', async () => {
    const calls: { path: string; body: unknown }[] = [];
    const record = (path: string) => stubRecording(mock.pool, 'PUT', path, (body) => calls.push({ path, body }));
    interceptVersions(mock.pool);
    record('/os-services/freeze');
    expect((await run(['volume', 'host', 'set', '--disable', 'node1@mmj'], mock.agent)).code).toBe(0);
    mock.renew();
    interceptVersions(mock.pool);
    record('/os-services/thaw');
    expect((await run(['volume', 'host', 'set', '--enable', 'node1@mmj'], mock.agent)).code).toBe(0);
    expect(calls).toStrictEqual([
      { path: '/os-services/freeze', body: { host: 'node1@mmj' } },
      { path: '/os-services/thaw', body: { host: 'node1@mmj' } },
    ]);
  });

  it.each([[[]], [['--enable', '--disable']]])('host set %j is a usage error before any request', async (flags) => {
    const result = await run(['volume', 'host', 'set', ...flags, 'node1@mmj'], mock.agent);
    expect(result.code).toBe(2);
  });
});
