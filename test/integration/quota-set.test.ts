import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * quota set / delete / show --class on the real Cinder. Every change goes to
 * a project of the test's own (noauth makes any project ID usable), never to
 * the shared project; its quotas are deleted after the test.
 */
describe('quota set and delete against the real Cinder', () => {
  const { env, cli, json } = testbedSession();
  const [typeName] = typesPinnedTo(env, 'it-quota', ['mmj']) as [string];
  const projects: string[] = [];

  afterEach(async () => {
    for (const project of projects.splice(0)) {
      expectCleanedUp(await ucinder(['quota', 'delete', project], env), `quota delete ${project}`);
    }
  });

  function newProject(): string {
    const project = randomBytes(16).toString('hex');
    projects.push(project);
    return project;
  }

  /** ucinder acting as the project itself (noauth: the token names it). */
  function asProject(project: string) {
    return ucinderWith({ ...env, OS_PROJECT_ID: project, OS_TOKEN: `admin:${project}` });
  }

  it('sets project-wide and per-type limits, prints nothing, and delete gives the defaults back', async () => {
    const project = newProject();
    const defaults = await json('quota', 'show', '--default', project);
    const set = await cli('quota', 'set', '--volumes', '7', '--backup-gigabytes', '70', '--per-volume-gigabytes', '5', '--groups', '3', project);
    expect(set).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const perType = await cli('quota', 'set', '--volume-type', typeName, '--volumes', '2', '--gigabytes', '20', project);
    expect(perType.code, perType.stderr).toBe(0);
    const shown = await json('quota', 'show', project);
    expect(shown).toMatchObject({
      volumes: 7,
      'backup-gigabytes': 70,
      'per-volume-gigabytes': 5,
      groups: 3,
      [`volumes_${typeName}`]: 2,
      [`gigabytes_${typeName}`]: 20,
      project,
    });
    const deleted = await cli('quota', 'delete', project);
    expect(deleted).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const after = await json('quota', 'show', project);
    for (const key of ['volumes', 'backup-gigabytes', 'per-volume-gigabytes', 'groups', `volumes_${typeName}`]) expect(after[key], key).toBe(defaults[key]);
  });

  it("a limit below what the project uses: Cinder's refusal on one line, exit 1, nothing changed", async () => {
    const project = newProject();
    expect((await cli('quota', 'set', '--volumes', '5', project)).code).toBe(0);
    const own = asProject(project);
    const volume = await own.json('volume', 'create', '--size', '1', '--type', typeName, '--wait', uniqueName('it-quota-vol'));
    try {
      const refused = await cli('quota', 'set', '--volumes', '0', project);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(
        /^ucinder: Quota volumes limit must be equal or greater than existing resources\. Current usage is 1 and the requested limit is 0\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/,
      );
      expect((await json('quota', 'show', project)).volumes).toBe(5);
    } finally {
      const deleted = await own.cli('volume', 'delete', '--wait', volume.id);
      expect(deleted.code, deleted.stderr).toBe(0);
    }
  });

  it('--volume-type naming no type fails before any quota changes; a bad limit is a usage error', async () => {
    const project = newProject();
    const unknown = await cli('quota', 'set', '--volume-type', uniqueName('it-quota-none'), '--volumes', '1', project);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^ucinder: No volume type with a name or ID of 'it-quota-none-.*' exists\.\n$/);
    const bad = await cli('quota', 'set', '--volumes', 'many', project);
    expect(bad.code).toBe(2);
  });

  it("quota show --class default: the class's limits, which are the defaults a project gets", async () => {
    const project = newProject();
    const quotaClass = await json('quota', 'show', '--class', 'default');
    const defaults = await json('quota', 'show', '--default', project);
    expect(quotaClass.class).toBe('default');
    for (const key of ['volumes', 'snapshots', 'gigabytes', 'backups', 'backup-gigabytes', 'groups']) expect(quotaClass[key], key).toBe(defaults[key]);
    // The shared bed's defaults must not change: the class is set to the value it already has.
    const same = await cli('quota', 'set', '--class', '--groups', String(quotaClass.groups), 'default');
    expect(same).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await json('quota', 'show', '--class', 'default')).groups).toBe(quotaClass.groups);
  });
});
