import { afterEach, describe, expect, it } from 'vitest';
import { agentPerRun, run } from '../../helpers/harness.js';

const GLANCE = 'http://glance.test:9292';
const withGlance = { env: { OS_IMAGE_ENDPOINT: GLANCE } };

const image = (id: string, name: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  status: 'active',
  disk_format: 'raw',
  container_format: 'bare',
  size: 10,
  checksum: `sum-${id}`,
  visibility: 'public',
  protected: false,
  owner: 'p1',
  tags: [],
  created_at: `2030-01-0${id.length}T00:00:00Z`,
  ...extra,
});

describe('image list', () => {
  const mock = agentPerRun();
  afterEach(mock.renew);

  /** `image list ARGS` with Glance answering one page of `images`. */
  const list = async (args: string[], images: unknown[]) => {
    mock.agent.get(GLANCE).intercept({ path: '/v2/images', method: 'GET' }).reply(200, { images });
    const result = await run(['image', 'list', ...args], mock.agent, withGlance);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  it("--long: openstack's columns in its order, Project from owner, Tags as a list", async () => {
    const csv = await list(['--long', '-f', 'csv'], [image('i1', 'cirros', { tags: ['b', 'a'] })]);
    // As `openstack image list --long -f csv` (image/v2 ListImage).
    expect(csv).toBe(
      '"ID","Name","Disk Format","Container Format","Size","Checksum","Status","Visibility","Protected","Project","Tags"\n' +
        '"i1","cirros","raw","bare",10,"sum-i1","active","public",False,"p1","[\'b\', \'a\']"\n',
    );
    mock.renew();
    const json = JSON.parse(await list(['--long', '-f', 'json'], [image('i1', 'cirros', { tags: ['b', 'a'] })]));
    expect(json[0].Tags).toEqual(['b', 'a']);
    mock.renew();
    expect(await list(['--long', '-c', 'Tags'], [image('i1', 'cirros', { tags: ['b', 'a'] })])).toContain('| a, b |');
  });

  it('sorts by name as openstack does (None as "None", by code point), --sort key:desc and several keys', async () => {
    const images = [image('i1', 'beta'), image('i22', null), image('i333', 'Zeta'), image('i4444', 'alpha')];
    expect(await list(['-f', 'value', '-c', 'ID'], images)).toBe('i22\ni333\ni4444\ni1\n');
    mock.renew();
    expect(await list(['--sort', 'name:desc', '-f', 'value', '-c', 'ID'], images)).toBe('i1\ni4444\ni333\ni22\n');
    mock.renew();
    const mixed = [image('a', 'x', { status: 'queued' }), image('b', 'y'), image('c', 'x')];
    expect(await list(['--sort', 'status,name:desc', '-f', 'value', '-c', 'ID'], mixed)).toBe('b\nc\na\n');
  });

  it('a bad --sort fails before any request; a field no image has fails as in openstack', async () => {
    for (const bad of ['name:up', ':asc', 'name:asc:x']) {
      const result = await run(['image', 'list', '--sort', bad], mock.agent, withGlance);
      expect(result.code, bad).toBe(2);
    }
    mock.renew();
    mock.agent
      .get(GLANCE)
      .intercept({ path: '/v2/images', method: 'GET' })
      .reply(200, { images: [image('i1', 'a')] });
    const missing = await run(['image', 'list', '--sort', 'nope'], mock.agent, withGlance);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Resource doesn't have field nope");
  });
});
