import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, newAgent, run } from '../../helpers/harness.js';

/**
 * A retype or migration that fails after Cinder accepted it leaves no user
 * message (Cinder Zed has no message action for either): ucinder says so,
 * shows what the volume shows, and names the service whose log holds the
 * reason (read from cinder/scheduler/manager.py and cinder/volume/manager.py),
 * with the request ID its log lines carry. What the API can tell before
 * sending (snapshots, replication: Cinder never migrates such a volume) is
 * checked before sending.
 */
const ID = '33333333-0000-4000-8000-000000000003';
const TYPE_ID = '44444444-0000-4000-8000-000000000004';
const REQ = 'req-6d971dbb-1946-49e3-9526-6b2bbe796062';

function volume(extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    name: 'vol1',
    status: 'available',
    size: 1,
    volume_type: 'old',
    volume_type_id: 'old-id',
    migration_status: null,
    replication_status: null,
    'os-vol-host-attr:host': 'node1@mmj#mmj',
    ...extra,
  };
}

describe('why a retype or a migration failed', () => {
  let mock = newAgent();
  let bodies: unknown[] = [];
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    bodies = [];
  });

  function get(extra: Record<string, unknown> = {}) {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}`, method: 'GET' }).reply(200, { volume: volume(extra) });
  }
  function accepted() {
    mock.pool.intercept({ path: `${BASE_PATH}/volumes/${ID}/action`, method: 'POST' }).reply(
      202,
      (options) => {
        bodies.push(jsonBody(options.body));
        return '';
      },
      { headers: { 'x-openstack-request-id': REQ } },
    );
  }
  function goldType() {
    mock.pool.intercept({ path: `${BASE_PATH}/types/gold`, method: 'GET' }).reply(404, { itemNotFound: { code: 404, message: 'not found' } });
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [{ id: TYPE_ID, name: 'gold' }] });
  }
  function snapshotsOfVolume(snapshots: { id: string; name: string }[]) {
    mock.pool
      .intercept({ path: `${BASE_PATH}/snapshots/detail?all_tenants=1&volume_id=${ID}`, method: 'GET' })
      .reply(200, { snapshots: snapshots.map((snapshot) => ({ ...snapshot, status: 'available', size: 1, volume_id: ID })) });
  }
  /** Messages about the volume; `stale` is one an earlier request left. */
  function messages(list: Record<string, unknown>[] = []) {
    const stale = {
      id: 'm0',
      event_id: 'VOLUME_VOLUME_007_003',
      resource_uuid: ID,
      request_id: 'req-older',
      message_level: 'ERROR',
      created_at: '2026-11-01T00:00:00.000000',
      user_message: 'extend volume:Could not find any available weighted backend.',
    };
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=${ID}&sort=created_at%3Adesc`, method: 'GET' }).reply(200, { messages: [...list, stale] });
  }
  function schedulers(hosts: string[] | 'forbidden') {
    const reply = mock.pool.intercept({ path: `${BASE_PATH}/os-services?binary=cinder-scheduler`, method: 'GET' });
    if (hosts === 'forbidden') reply.reply(403, { forbidden: { code: 403, message: 'Policy does not allow volume_extension:services:index to be performed.' } });
    else reply.reply(200, { services: hosts.map((host) => ({ binary: 'cinder-scheduler', host, zone: 'nova', status: 'enabled', state: 'up' })) });
  }
  const retypeHead = "ucinder: volume 'vol1' was not retyped to 'gold' (it still has type 'old'); Cinder left no user message. ";

  describe('volume set --type --wait', () => {
    it('policy never: names both places the reason can be, with the request ID (not "the scheduler found no valid backend")', async () => {
      interceptVersions(mock.pool);
      get();
      goldType();
      accepted();
      get();
      messages();
      schedulers(['node1']);
      const result = await run(['volume', 'set', '--type', 'gold', '--wait', ID], mock.agent);
      expect(result.code).toBe(1);
      expect(bodies).toStrictEqual([{ 'os-retype': { new_type: TYPE_ID, migration_policy: 'never' } }]);
      expect(result.stderr.split('\n').slice(-2)).toEqual([
        retypeHead +
          "Now: status 'available', migration_status none, host node1@mmj#mmj. " +
          `Cinder logged the reason under ${REQ}: cinder-scheduler (node1) if the new type does not fit the volume's backend ` +
          '(with --retype-policy never the volume stays there), else cinder-volume node1@mmj if its driver could not change the type in place',
        '',
      ]);
    });

    it("on-demand: a migration that failed (migration_status error) is cinder-volume's, on the volume's backend", async () => {
      interceptVersions(mock.pool);
      get();
      snapshotsOfVolume([]);
      goldType();
      accepted();
      get({ status: 'retyping', migration_status: 'migrating' });
      get({ migration_status: 'error' });
      messages();
      const result = await run(['volume', 'set', '--type', 'gold', '--retype-policy', 'on-demand', '--wait', ID], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').slice(-2)).toEqual([
        retypeHead +
          "Now: status 'available', migration_status 'error', host node1@mmj#mmj. " +
          `Its migration to another backend failed: Cinder logged the reason under ${REQ} in the log of cinder-volume node1@mmj, the volume's backend`,
        '',
      ]);
    });

    it('on-demand without a migration: either the scheduler or cinder-volume; several schedulers are all named', async () => {
      interceptVersions(mock.pool);
      get();
      snapshotsOfVolume([]);
      goldType();
      accepted();
      get();
      messages();
      schedulers(['ctl1', 'ctl2']);
      const result = await run(['volume', 'set', '--type', 'gold', '--retype-policy', 'on-demand', '--wait', ID], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').slice(-2)[0]).toBe(
        retypeHead +
          "Now: status 'available', migration_status none, host node1@mmj#mmj. " +
          `Cinder logged the reason under ${REQ}: cinder-scheduler (ctl1 or ctl2) if no backend accepts the new type, else cinder-volume node1@mmj`,
      );
    });

    it('a user message Cinder left about this very request is the reason', async () => {
      interceptVersions(mock.pool);
      get();
      goldType();
      accepted();
      get();
      messages([
        {
          id: 'm1',
          event_id: 'VOLUME_VOLUME_001_003',
          resource_uuid: ID,
          request_id: REQ,
          message_level: 'ERROR',
          created_at: '2026-11-28T16:00:00.000000',
          user_message: 'retype volume:No valid backend.',
        },
      ]);
      const result = await run(['volume', 'set', '--type', 'gold', '--wait', ID], mock.agent);
      expect(result.stderr.split('\n').slice(-2)[0]).toBe("ucinder: volume 'vol1' was not retyped to 'gold' (it still has type 'old'): retype volume:No valid backend.");
    });

    it('without the right to list services (not an admin) the scheduler is named without its host', async () => {
      interceptVersions(mock.pool);
      get({ 'os-vol-host-attr:host': undefined });
      goldType();
      accepted();
      get({ 'os-vol-host-attr:host': undefined });
      messages();
      schedulers('forbidden');
      const result = await run(['volume', 'set', '--type', 'gold', '--wait', ID], mock.agent);
      expect(result.stderr.split('\n').slice(-2)[0]).toBe(
        retypeHead +
          "Now: status 'available', migration_status none. " +
          `Cinder logged the reason under ${REQ}: cinder-scheduler if the new type does not fit the volume's backend ` +
          "(with --retype-policy never the volume stays there), else the volume's cinder-volume if its driver could not change the type in place",
      );
    });

    it('on-demand on a volume with snapshots is refused before any change: Cinder never migrates it', async () => {
      interceptVersions(mock.pool);
      get();
      snapshotsOfVolume([
        { id: 's1', name: 'snap-a' },
        { id: 's2', name: '' },
      ]);
      // No rename is sent either: nothing is changed.
      const result = await run(['volume', 'set', '--type', 'gold', '--retype-policy', 'on-demand', '--name', 'renamed', ID], mock.agent);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          "ucinder: volume 'vol1' has 2 snapshots (snap-a, s2), and Cinder does not migrate a volume with snapshots: " +
          'a retype with --retype-policy on-demand that needs another backend would fail, leaving no user message. Nothing was changed. ' +
          'Delete the snapshots first, or use --retype-policy never if the new type fits the current backend\n',
      });
    });

    it('on-demand on a replicated volume is refused before any change too', async () => {
      interceptVersions(mock.pool);
      get({ replication_status: 'enabled' });
      const result = await run(['volume', 'set', '--type', 'gold', '--retype-policy', 'on-demand', ID], mock.agent);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          "ucinder: volume 'vol1' is replicated (replication_status 'enabled'), and Cinder does not migrate a replicated volume: " +
          'a retype with --retype-policy on-demand that needs another backend would fail, leaving no user message. Nothing was changed. ' +
          'Use --retype-policy never if the new type fits the current backend\n',
      });
    });
  });

  describe('volume migrate --wait', () => {
    it('failed before reaching "migrating": the scheduler (refused the destination) or the source\'s cinder-volume', async () => {
      interceptVersions(mock.pool);
      get();
      accepted();
      get({ migration_status: 'starting' });
      get({ migration_status: 'error' });
      messages();
      schedulers(['node1']);
      const result = await run(['volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--wait', ID], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').slice(-2)).toEqual([
        "ucinder: migration of volume 'vol1' is in status 'error': Cinder left no user message. " +
          "Now: status 'available', migration_status 'error', host node1@mmj#mmj. " +
          `Cinder logged the reason under ${REQ}: cinder-scheduler (node1) if it refused the destination node1@mmj2#mmj2, else cinder-volume node1@mmj, the source backend`,
        '',
      ]);
    });

    it('failed after reaching "migrating": the scheduler had accepted the destination, so it is the source\'s cinder-volume', async () => {
      interceptVersions(mock.pool);
      get();
      accepted();
      get({ migration_status: 'migrating' });
      get({ migration_status: 'error' });
      messages();
      const result = await run(['volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--force-host-copy', '--wait', ID], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').slice(-2)[0]).toBe(
        "ucinder: migration of volume 'vol1' is in status 'error': Cinder left no user message. " +
          "Now: status 'available', migration_status 'error', host node1@mmj#mmj. " +
          `The migration had reached 'migrating', so the scheduler had accepted the destination: Cinder logged the reason under ${REQ} in the log of cinder-volume node1@mmj, the source backend`,
      );
    });
  });
});
