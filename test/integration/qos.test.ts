import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * QoS specifications against the real Cinder: a front-end specification
 * associated with a type reaches the connection info of that type's volumes
 * (what the hypervisor would enforce), a back-end one does not, and a
 * specification still associated cannot be deleted without --force. Every
 * specification made here is disassociated and deleted after the file.
 */
describe('volume qos against the real Cinder', () => {
  const { env, cli, json, newVolume } = testbedSession();
  const [iscsiType] = typesPinnedTo(env, 'it-qos', ['mmj']) as [string];
  const specs: string[] = [];

  afterAll(async () => {
    // --force disassociates too, so no type is left associated whatever happened.
    if (specs.length) expectCleanedUp(await cli('volume', 'qos', 'delete', '--force', ...specs), `volume qos delete ${specs.join(' ')}`);
  }, 120_000);

  async function newSpec(consumer: string, ...properties: string[]): Promise<{ id: string; name: string }> {
    const name = uniqueName(`it-qos-${consumer}`);
    const spec = await json('volume', 'qos', 'create', '--consumer', consumer, ...properties.flatMap((property) => ['--property', property]), name);
    specs.push(spec.id);
    return spec;
  }

  /** init-connect of a new volume of the type, with a fixed initiator and a private connection cache. */
  async function connectionData(prefix: string): Promise<Record<string, unknown>> {
    const volume = await newVolume(prefix, '--type', iscsiType);
    const host = ucinderWith({ ...env, UCINDER_STATE_DIR: join(env.HOME!, `state-${volume.id}`) });
    const shown = await host.json('init-connect', volume.name, '--initiator', 'iqn.1993-08.org.debian:01:ucinder-qos-test');
    const cached = await host.json('connection', 'show', volume.name);
    expect(cached.data).toEqual(shown.data);
    return shown.data;
  }

  it('a front-end QoS associated with a type is in the connection info of its new volumes; back-end is not', async () => {
    const frontEnd = await newSpec('front-end', 'read_iops_sec=500', 'write_bytes_sec=1048576');
    expect(await cli('volume', 'qos', 'associate', frontEnd.name, iscsiType)).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await json('volume', 'qos', 'show', frontEnd.name)).associations).toEqual([iscsiType]);
    expect((await json('volume', 'type', 'show', iscsiType)).qos_specs_id).toBe(frontEnd.id);
    expect((await connectionData('it-qos-fe')).qos_specs).toEqual({ read_iops_sec: '500', write_bytes_sec: '1048576' });

    // One QoS per type: Cinder refuses a second, and the error is one line.
    const backEnd = await newSpec('back-end', 'maxIOPS=1000');
    const refused = await cli('volume', 'qos', 'associate', backEnd.name, iscsiType);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^ucinder: Invalid volume type: Type \\S+ is already associated with another qos specs: ${frontEnd.id} \\(HTTP 400\\)`));
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    expect(await cli('volume', 'qos', 'disassociate', '--volume-type', iscsiType, frontEnd.name)).toMatchObject({ code: 0, stderr: '' });
    expect(await cli('volume', 'qos', 'associate', backEnd.name, iscsiType)).toMatchObject({ code: 0, stderr: '' });
    // The hypervisor has nothing to enforce for a back-end specification.
    expect((await connectionData('it-qos-be')).qos_specs).toBeNull();
    expect(await cli('volume', 'qos', 'disassociate', '--all', backEnd.name)).toMatchObject({ code: 0, stderr: '' });
    expect((await json('volume', 'type', 'show', iscsiType)).qos_specs_id).toBeNull();
  });

  it("delete of a QoS still associated fails with Cinder's reason in one line; --force deletes it", async () => {
    const spec = await newSpec('both', 'total_iops_sec=100');
    expect((await cli('volume', 'qos', 'associate', spec.name, iscsiType)).code).toBe(0);
    const refused = await cli('volume', 'qos', 'delete', spec.name);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ucinder: Qos specs still in use\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
    expect((await json('volume', 'qos', 'show', spec.id)).associations).toEqual([iscsiType]);

    expect(await cli('volume', 'qos', 'delete', '--force', spec.name)).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const gone = await cli('volume', 'qos', 'show', spec.id);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(`ucinder: No QoS specification with a name or ID of '${spec.id}' exists.\n`);
    expect((await json('volume', 'type', 'show', iscsiType)).qos_specs_id).toBeNull();
  });

  it('set, unset and --no-property change the properties; list shows them', async () => {
    const spec = await newSpec('front-end', 'a=1', 'b=2');
    expect(await cli('volume', 'qos', 'set', '--property', 'c=3', spec.name)).toMatchObject({ code: 0, stderr: '' });
    expect(await cli('volume', 'qos', 'unset', '--property', 'a', spec.name)).toMatchObject({ code: 0, stderr: '' });
    expect((await json('volume', 'qos', 'show', spec.name)).properties).toEqual({ b: '2', c: '3' });
    expect(await cli('volume', 'qos', 'set', '--no-property', '--property', 'd=4', spec.name)).toMatchObject({ code: 0, stderr: '' });
    const listed = (await json('volume', 'qos', 'list')).find((row: { ID: string }) => row.ID === spec.id);
    expect(listed).toEqual({ ID: spec.id, Name: spec.name, Consumer: 'front-end', Associations: '', Properties: { d: '4' } });
  });

  it('completion offers QoS specification names', async () => {
    const spec = await newSpec('both');
    const run = await cli('completion', 'names', 'qos');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')).toContain(spec.name);
  });
});
