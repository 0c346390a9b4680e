import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, PROJECT, run } from '../helpers/harness.js';

const GLANCE = 'http://glance.test:9292';
const IMAGE = { id: '808cf8ee-255f-4432-b29b-67019ab68bcb', name: 'cirros', status: 'active', disk_format: 'raw', container_format: 'bare', size: 1048576, visibility: 'public', protected: false, owner: null };

describe('operator information commands', () => {
  let mock = newAgent();
  /** main() closes the transport when it returns: one agent per run. */
  const renew = () => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  };
  afterEach(renew);

  it('volume backend pool list --long reads get_pools?detail=true capabilities', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/scheduler-stats/get_pools?detail=true`, method: 'GET' }).reply(200, {
      pools: [{ name: 'node1@mmj#mmj', capabilities: { volume_backend_name: 'mmj', vendor_name: 'ucinder', storage_protocol: 'iSCSI', total_capacity_gb: 1000, free_capacity_gb: 990.5, allocated_capacity_gb: 9, provisioned_capacity_gb: 10, total_volumes: 4, thin_provisioning_support: true, max_over_subscription_ratio: '20.0', backend_state: 'up' } }],
    });
    const result = await run(['volume', 'backend', 'pool', 'list', '--long', '-f', 'json'], mock.agent);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { Name: 'node1@mmj#mmj', 'Backend Name': 'mmj', Vendor: 'ucinder', Protocol: 'iSCSI', 'Total GiB': 1000, 'Free GiB': 990.5, 'Allocated GiB': 9, 'Provisioned GiB': 10, Volumes: 4, Thin: true, 'Max Over Ratio': '20.0', State: 'up' },
    ]);
  });

  it('backend list is the short pool list', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/scheduler-stats/get_pools?detail=true`, method: 'GET' }).reply(200, { pools: [{ name: 'a@b#c' }] });
    const result = await run(['backend', 'list', '-f', 'value'], mock.agent);
    expect(result.stdout).toBe('a@b#c\n');
  });

  it('capability show encodes the host and describes each property on one line', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/capabilities/node1%40mmj`, method: 'GET' }).reply(200, {
      namespace: 'OS::Storage::Capabilities::node1@mmj', vendor_name: 'ucinder', storage_protocol: 'iSCSI',
      properties: { qos: { title: 'QoS', description: 'Enables QoS.', type: 'boolean' } },
    });
    const result = await run(['volume', 'backend', 'capability', 'show', 'node1@mmj', '-f', 'json'], mock.agent);
    expect(JSON.parse(result.stdout)).toEqual({
      namespace: 'OS::Storage::Capabilities::node1@mmj', vendor_name: 'ucinder', storage_protocol: 'iSCSI',
      properties: { qos: 'QoS (boolean): Enables QoS.' },
    });
  });

  it('cluster list --long uses /clusters/detail; the short list /clusters', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/detail?binary=cinder-volume`, method: 'GET', headers: { 'openstack-api-version': 'volume 3.70' } }).reply(200, {
      clusters: [{ name: 'c@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled', num_hosts: 2, num_down_hosts: 1, last_heartbeat: 't', disabled_reason: null, created_at: 'c', updated_at: null }],
    });
    const long = await run(['cluster', 'list', '--long', '--binary', 'cinder-volume', '-f', 'value', '-c', 'Name', '-c', 'Num Hosts', '-c', 'Num Down Hosts'], mock.agent);
    expect(long.stdout).toBe('c@lvm 2 1\n');
    renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters`, method: 'GET' }).reply(200, { clusters: [{ name: 'c@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled' }] });
    const short = await run(['cluster', 'list', '-f', 'csv'], mock.agent);
    expect(short.stdout).toBe('"Name","Binary","State","Status"\n"c@lvm","cinder-volume","up","enabled"\n');
  });

  it('cluster show passes --binary', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/clusters/bk%40x?binary=cinder-backup`, method: 'GET' }).reply(200, { cluster: { name: 'bk@x', binary: 'cinder-backup', state: 'down', status: 'enabled', num_hosts: 1 } });
    const result = await run(['cluster', 'show', 'bk@x', '--binary', 'cinder-backup', '-f', 'value', '-c', 'state'], mock.agent);
    expect(result.stdout).toBe('down\n');
  });

  it('clusters and messages on an older microversion: a clear error naming the needed version, no request', async () => {
    interceptVersions(mock.pool, '3.2');
    const clusters = await run(['cluster', 'list'], mock.agent);
    expect(clusters.code).toBe(1);
    expect(clusters.stderr).toContain('clusters needs Block Storage API microversion 3.7 or later, but this session uses 3.2');
    renew();
    interceptVersions(mock.pool, '3.2');
    const messages = await run(['message', 'list'], mock.agent);
    expect(messages.code).toBe(1);
    expect(messages.stderr).toContain('messages needs Block Storage API microversion 3.3 or later, but this session uses 3.2');
  });

  it('availability zone list', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-availability-zone`, method: 'GET' }).reply(200, {
      availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }, { zoneName: 'az2', zoneState: { available: false } }],
    });
    const result = await run(['availability', 'zone', 'list', '-f', 'value'], mock.agent);
    expect(result.stdout).toBe('nova available\naz2 not available\n');
  });

  it('limits show: absolute by default, --rate flattens the rate groups', async () => {
    const limits = { limits: { absolute: { maxTotalVolumes: 10, totalVolumesUsed: 3 }, rate: [{ uri: '*', regex: '.*', limit: [{ verb: 'POST', value: 10, remaining: 9, unit: 'MINUTE', 'next-available': '2024-01-01T00:00:00Z' }] }] } };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/limits`, method: 'GET' }).reply(200, limits);
    expect((await run(['limits', 'show', '-f', 'value'], mock.agent)).stdout).toBe('maxTotalVolumes 10\ntotalVolumesUsed 3\n');
    renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/limits`, method: 'GET' }).reply(200, limits);
    expect((await run(['limits', 'show', '--rate', '-f', 'value'], mock.agent)).stdout).toBe('POST * 10 9 MINUTE 2024-01-01T00:00:00Z\n');
    renew();
    const both = await run(['limits', 'show', '--rate', '--absolute'], mock.agent);
    expect(both.code).toBe(2);
  });

  it('quota show defaults to the session project; --usage adds in use and reserved', async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/${PROJECT}`, method: 'GET' }).reply(200, { quota_set: { id: PROJECT, volumes: 10, gigabytes: -1 } });
    expect((await run(['quota', 'show', '-f', 'value'], mock.agent)).stdout).toBe('volumes 10\ngigabytes -1\n');
    renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/os-quota-sets/other-project?usage=true`, method: 'GET' }).reply(200, {
      quota_set: { id: 'other-project', volumes: { limit: 10, in_use: 2, reserved: 1 } },
    });
    const usage = await run(['quota', 'show', 'other-project', '--usage', '-f', 'json'], mock.agent);
    expect(JSON.parse(usage.stdout)).toEqual([{ Resource: 'volumes', Limit: 10, 'In Use': 2, Reserved: 1 }]);
  });

  it('message list filters by resource and limits; show keeps links; delete reports each failure', async () => {
    const message = { id: 'm1', event_id: 'VOLUME_VOLUME_001_003', user_message: 'schedule allocate volume:Could not find any available weighted backend.', message_level: 'ERROR', resource_type: 'VOLUME', resource_uuid: 'v1', created_at: 't', links: [{ rel: 'self', href: 'x' }] };
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages?resource_uuid=v1&sort=created_at%3Adesc&limit=1`, method: 'GET' }).reply(200, { messages: [message] });
    const list = await run(['message', 'list', '--resource-id', 'v1', '--limit', '1', '-f', 'value', '-c', 'ID', '-c', 'User Message'], mock.agent);
    expect(list.stdout).toBe('m1 schedule allocate volume:Could not find any available weighted backend.\n');
    renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m1`, method: 'GET' }).reply(200, { message });
    const show = await run(['message', 'show', 'm1', '-f', 'json'], mock.agent);
    // `openstack volume message show` prints every field Cinder sends, links included.
    expect(JSON.parse(show.stdout)).toStrictEqual(message);
    renew();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m1`, method: 'DELETE' }).reply(204, '');
    mock.pool.intercept({ path: `${BASE_PATH}/messages/m2`, method: 'DELETE' }).reply(404, { itemNotFound: { code: 404, message: 'Message m2 could not be found.' } });
    const deleted = await run(['message', 'delete', 'm1', 'm2'], mock.agent);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain("Failed to delete message 'm2': Message m2 could not be found. (HTTP 404)");
    expect(deleted.stderr).toContain('1 of 2 messages failed to delete');
  });
});

describe('Glance: image list and volume create --image', () => {
  let mock = newAgent();
  let glance = mock.agent.get(GLANCE);
  const renew = () => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    glance = mock.agent.get(GLANCE);
  };
  afterEach(renew);
  const withGlance = { env: { OS_IMAGE_ENDPOINT: `${GLANCE}/v2/` } };

  it('image list follows next links and sends the token', async () => {
    interceptVersions(mock.pool);
    glance.intercept({ path: '/v2/images', method: 'GET', headers: { 'x-auth-token': `admin:${PROJECT}` } }).reply(200, { images: [IMAGE], next: `/v2/images?marker=${IMAGE.id}` });
    glance.intercept({ path: `/v2/images?marker=${IMAGE.id}`, method: 'GET' }).reply(200, { images: [{ ...IMAGE, id: 'i2', name: 'fedora' }] });
    const result = await run(['image', 'list', '-f', 'value'], mock.agent, withGlance);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${IMAGE.id} cirros active\ni2 fedora active\n`);
  });

  it('image list without any Glance endpoint is a usage error', async () => {
    interceptVersions(mock.pool);
    const result = await run(['image', 'list'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--os-image-endpoint');
  });

  it('--image NAME is resolved through Glance to the ID Cinder gets', async () => {
    interceptVersions(mock.pool);
    glance.intercept({ path: '/v2/images?name=cirros', method: 'GET' }).reply(200, { images: [IMAGE] });
    let sent: unknown;
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST', body: (body) => ((sent = JSON.parse(body)), true) }).reply(202, { volume: { id: 'v1', name: 'vol5', status: 'creating', size: 1 } });
    const result = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol5'], mock.agent, withGlance);
    expect(result.code, result.stderr).toBe(0);
    expect(sent).toMatchObject({ volume: { imageRef: IMAGE.id, size: 1, name: 'vol5' } });
  });

  it('two images with the name: ambiguous, nothing created', async () => {
    interceptVersions(mock.pool);
    glance.intercept({ path: '/v2/images?name=cirros', method: 'GET' }).reply(200, { images: [IMAGE, { ...IMAGE, id: 'i2' }] });
    const result = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol5'], mock.agent, withGlance);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`More than one image exists with the name 'cirros': ${IMAGE.id}, i2`);
  });

  it('without Glance an ID goes to Cinder unchanged and a name is a usage error', async () => {
    interceptVersions(mock.pool);
    let sent: unknown;
    mock.pool.intercept({ path: `${BASE_PATH}/volumes`, method: 'POST', body: (body) => ((sent = JSON.parse(body)), true) }).reply(202, { volume: { id: 'v1', name: 'vol4', status: 'creating', size: 1 } });
    const byId = await run(['volume', 'create', '--image', IMAGE.id, '--size', '1', 'vol4'], mock.agent);
    expect(byId.code, byId.stderr).toBe(0);
    expect(sent).toMatchObject({ volume: { imageRef: IMAGE.id } });
    renew();
    interceptVersions(mock.pool);
    const byName = await run(['volume', 'create', '--image', 'cirros', '--size', '1', 'vol4'], mock.agent);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain("--image 'cirros' is not an image ID");
  });
});

