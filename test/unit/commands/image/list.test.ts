import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, PROJECT, run } from '../../helpers/harness.js';

const GLANCE = 'http://glance.test:9292';
const IMAGE = {
  id: '808cf8ee-255f-4432-b29b-67019ab68bcb',
  name: 'cirros',
  status: 'active',
  disk_format: 'raw',
  container_format: 'bare',
  size: 1048576,
  visibility: 'public',
  protected: false,
  owner: null,
};

describe('image list', () => {
  const mock = mockCinderPerTest();

  it('image list follows next links and sends the token, and asks Cinder nothing', async () => {
    const glance = mock.agent.get(GLANCE);
    glance.intercept({ path: '/v2/images', method: 'GET', headers: { 'x-auth-token': `admin:${PROJECT}` } }).reply(200, { images: [IMAGE], next: `/v2/images?marker=${IMAGE.id}` });
    glance.intercept({ path: `/v2/images?marker=${IMAGE.id}`, method: 'GET' }).reply(200, { images: [{ ...IMAGE, id: 'i2', name: 'fedora' }] });
    const result = await run(['image', 'list', '-f', 'value'], mock.agent, { env: { OS_IMAGE_ENDPOINT: `${GLANCE}/v2/` } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${IMAGE.id} cirros active\ni2 fedora active\n`);
    // Sorted by name as openstack sorts it, whatever Glance's order.
    mock.renew();
    const glanceAgain = mock.agent.get(GLANCE);
    glanceAgain.intercept({ path: '/v2/images', method: 'GET' }).reply(200, { images: [{ ...IMAGE, id: 'i2', name: 'fedora' }, IMAGE] });
    const sorted = await run(['image', 'list', '-f', 'value', '-c', 'Name'], mock.agent, { env: { OS_IMAGE_ENDPOINT: `${GLANCE}/v2/` } });
    expect(sorted.stdout).toBe('cirros\nfedora\n');
  });

  it('image list without any Glance endpoint is a usage error', async () => {
    const result = await run(['image', 'list'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--os-image-endpoint');
  });
});
