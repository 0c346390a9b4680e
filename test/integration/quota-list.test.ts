import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ucinderWith } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

/** quota list on the real Cinder, for a project of the test's own (its quotas set and reset with the raw API). */
describe('quota list', () => {
  const { env } = testbedSession();
  const { cli, json } = ucinderWith(env);

  async function setQuotas(project: string, quotaSet: Record<string, number> | null) {
    const url = `${env.OS_ENDPOINT}/v3/${env.OS_PROJECT_ID}/os-quota-sets/${project}`;
    const response = await fetch(url, {
      method: quotaSet ? 'PUT' : 'DELETE',
      headers: { 'X-Auth-Token': env.OS_TOKEN!, 'Content-Type': 'application/json' },
      body: quotaSet ? JSON.stringify({ quota_set: quotaSet }) : undefined,
    });
    expect(response.ok, await response.text()).toBe(true);
  }

  it('lists a project once its quotas differ from the defaults, and not after they are reset', async () => {
    const project = randomBytes(16).toString('hex');
    expect(await json('quota', 'list', '--volume', '--project', project)).toEqual([]);
    await setQuotas(project, { volumes: 7, gigabytes: 70 });
    try {
      const rows = await json('quota', 'list', '--volume', '--project', project);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ 'Project ID': project, Volumes: 7, Gigabytes: 70 });
      expect(Object.keys(rows[0])).toEqual(['Project ID', 'Backups', 'Backup Gigabytes', 'Gigabytes', 'Per Volume Gigabytes', 'Snapshots', 'Volumes']);
    } finally {
      await setQuotas(project, null);
    }
    expect(await json('quota', 'list', '--volume', '--project', project)).toEqual([]);
  });

  it('without --project under noauth: a one-line usage error', async () => {
    const run = await cli('quota', 'list');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ucinder: with --os-auth-type noauth there is no Keystone to list projects from: pass --project ID\n');
  });
});
