import { describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinderWith, uniqueName } from '../support/ucinder-process.js';

/** Read-only operator views against the real Cinder: pools, capabilities, limits, quotas, messages. */
const env = { ...testbedEnv(), ...privateHome() };
const { cli, json } = ucinderWith(env);

describe('operator information commands', () => {
  it('backend list (= volume backend pool list) names both test bed pools', async () => {
    const pools = (await json('backend', 'list')) as { Name: string }[];
    expect(pools.map((pool) => pool.Name)).toEqual(expect.arrayContaining(['node1@mmj#mmj', 'node1@mmj2#mmj2']));
  });

  it('pool list --long shows protocol, vendor, backend name and capacity', async () => {
    const pools = (await json('volume', 'backend', 'pool', 'list', '--long')) as Record<string, unknown>[];
    expect(pools.find((pool) => pool.Name === 'node1@mmj2#mmj2')).toMatchObject({ 'Backend Name': 'mmj2', Vendor: 'ucinder', Protocol: 'ceph', 'Total GiB': 1000, Thin: true });
  });

  it('capability show describes a backend', async () => {
    const capabilities = (await json('volume', 'backend', 'capability', 'show', 'node1@mmj')) as Record<string, unknown>;
    expect(capabilities).toMatchObject({ namespace: 'OS::Storage::Capabilities::node1@mmj', volume_backend_name: 'mmj', storage_protocol: 'iSCSI', vendor_name: 'ucinder' });
    expect(capabilities.properties).toHaveProperty('thin_provisioning');
  });

  it('availability zone list shows nova', async () => {
    expect(await json('availability', 'zone', 'list')).toEqual(expect.arrayContaining([{ 'Zone Name': 'nova', 'Zone Status': 'available' }]));
  });

  it('limits show gives absolute limits (unlimited in the test bed) and usage', async () => {
    const rows = (await json('limits', 'show')) as { Name: string; Value: number }[];
    const byName = Object.fromEntries(rows.map((row) => [row.Name, row.Value]));
    expect(byName.maxTotalVolumes).toBe(-1);
    expect(typeof byName.totalVolumesUsed).toBe('number');
  });

  it('quota show --usage defaults to the session project', async () => {
    const rows = (await json('quota', 'show', '--usage')) as Record<string, unknown>[];
    const volumes = rows.find((row) => row.Resource === 'volumes');
    expect(volumes).toMatchObject({ Limit: -1 });
    expect(typeof volumes!['In Use']).toBe('number');
    // Without --usage: one record, as `openstack quota show` prints it.
    const limitsOnly = (await json('quota', 'show', env.OS_PROJECT_ID!)) as Record<string, unknown>;
    expect(limitsOnly).toMatchObject({ gigabytes: -1, 'per-volume-gigabytes': -1, project: env.OS_PROJECT_ID });
  });

  it('message list/show/delete round trip on a real scheduling failure', async () => {
    // A type pinned to a backend that does not exist makes the scheduler leave a user message.
    const typeName = uniqueName('it-msg');
    const type = await cli('volume', 'type', 'create', '--property', 'volume_backend_name=no-such-backend', typeName);
    expect(type.code, type.stderr).toBe(0);
    let volumeId = '';
    try {
      volumeId = (await json('volume', 'create', '--size', '1', '--type', typeName, typeName)).id;
      const listMessages = async () => (await json('message', 'list', '--resource-id', volumeId)) as Record<string, unknown>[];
      const messages = await pollUntil(listMessages, (rows) => rows.length > 0);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ 'Resource UUID': volumeId, 'Resource Type': 'VOLUME', 'Message Level': 'ERROR' });
      const id = messages[0]!.ID as string;
      expect(await json('message', 'show', id)).toMatchObject({ id, resource_uuid: volumeId, event_id: 'VOLUME_VOLUME_001_003' });
      const deleted = await cli('message', 'delete', id);
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(await listMessages()).toEqual([]);
    } finally {
      if (volumeId) expectCleanedUp(await cli('volume', 'delete', '--wait', volumeId), `volume delete ${volumeId}`);
      expectCleanedUp(await cli('volume', 'type', 'delete', typeName), `volume type delete ${typeName}`);
    }
  });

  it('messages before microversion 3.3 is a clear error naming the version', async () => {
    const run = await cli('--os-volume-api-version', '3.0', 'message', 'list');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('messages needs Block Storage API microversion 3.3 or later, but this session uses 3.0');
  });
});
