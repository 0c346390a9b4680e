import { describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { PROJECT_B, stubTypeById, TYPE_ID } from './fixtures.js';

describe('volume type unset', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);
  const found = () => stubTypeById(mock.pool);

  it('unset deletes each extra spec and removes project access', async () => {
    interceptVersions(mock.pool);
    found();
    record('DELETE', `/types/${TYPE_ID}/extra_specs/a`, 202, '');
    record('DELETE', `/types/${TYPE_ID}/extra_specs/b`, 202, '');
    record('POST', `/types/${TYPE_ID}/action`, 202, '');
    const result = await run(['volume', 'type', 'unset', '--property', 'a', '--property', 'b', '--project', PROJECT_B, TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([
      { method: 'DELETE', path: `/types/${TYPE_ID}/extra_specs/a`, body: undefined },
      { method: 'DELETE', path: `/types/${TYPE_ID}/extra_specs/b`, body: undefined },
      { method: 'POST', path: `/types/${TYPE_ID}/action`, body: { removeProjectAccess: { project: PROJECT_B } } },
    ]);
  });

  it.each([[['unset'], 'ucinder: nothing to unset: give --property KEY, --project PROJECT or --encryption-type\n']])(
    '%j is a usage error before any request',
    async (words, message) => {
      const result = await run(['volume', 'type', ...words, 'gold'], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    },
  );
});
