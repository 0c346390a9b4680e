import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * The operator's whole scenario against the real Cinder test bed: a type pinned to
 * a backend, volumes of it, lookups by name, duplicates, deletion, services,
 * a type whose backend does not exist, and bad input. Every test creates what
 * it uses; the mmj2 type is shared, read-only setup.
 */
describe('core scenario against the real Cinder', () => {
  const { env, cli, json, created, newVolume } = testbedSession();
  const [mmj2Type] = typesPinnedTo(env, 'it-core', ['mmj2']);

  it('creates a type pinned to a backend with --property volume_backend_name', async () => {
    const typeName = uniqueName('it-core-type');
    const type = await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', typeName);
    created.types.push(type.id);
    expect(type.name).toBe(typeName);
    expect(type.properties).toEqual({ volume_backend_name: 'mmj2' });
    expect(type.is_public).toBe(true);
    const listed = await json('volume', 'type', 'list', '--long');
    expect(listed).toContainEqual(expect.objectContaining({ Name: typeName, Properties: { volume_backend_name: 'mmj2' } }));
  });

  it('creates a volume of that type, waits, and it lands on node1@mmj2', async () => {
    const volume = await json('volume', 'create', '--size', '1', '--type', mmj2Type, '--wait', uniqueName('it-core-vol'));
    created.volumes.push(volume.id);
    expect(volume.status).toBe('available');
    expect(volume.size).toBe(1);
    expect(volume.type).toBe(mmj2Type);
    expect(volume['os-vol-host-attr:host']).toBe('node1@mmj2#mmj2');
  });

  it('lists, shows by name and filters', async () => {
    const { id, name } = await newVolume('it-core-list', '--type', mmj2Type!);
    const rows = await json('volume', 'list', '--name', name);
    expect(rows).toEqual([{ ID: id, Name: name, Status: 'available', Size: 1, 'Attached to': [] }]);
    const shown = await json('volume', 'show', name);
    expect(shown.id).toBe(id);
    const value = await cli('volume', 'show', name, '-f', 'value', '-c', 'status');
    expect(value.stdout).toBe('available\n');
    const table = await cli('volume', 'list', '--name', name);
    expect(table.stdout).toMatch(/^\+-+\+/);
    expect(table.stdout).toContain(`| ${name} |`);
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('refuses to pick one of two volumes with the same name', async () => {
    const duplicateName = uniqueName('it-core-dup');
    const first = await json('volume', 'create', '--size', '1', duplicateName);
    created.volumes.push(first.id);
    const second = await json('volume', 'create', '--size', '1', duplicateName);
    created.volumes.push(second.id);
    const run = await cli('volume', 'show', duplicateName);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`More than one volume exists with the name '${duplicateName}'`);
    expect(run.stderr).toContain(first.id);
    expect(run.stderr).toContain(second.id);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const byId = await json('volume', 'show', first.id);
    expect(byId.name).toBe(duplicateName);
  });

  it('deletes by name and waits until it is gone', async () => {
    const name = uniqueName('it-core-del');
    const volume = await json('volume', 'create', '--size', '1', '--wait', name);
    created.volumes.push(volume.id);
    const run = await cli('volume', 'delete', '--wait', name);
    expect(run.code).toBe(0);
    const after = await cli('volume', 'show', volume.id);
    expect(after.code).toBe(1);
    expect(after.stderr).toBe(`ucinder: No volume with a name or ID of '${volume.id}' exists.\n`);
  });

  it('reports bulk delete failures after trying every volume', async () => {
    const name = uniqueName('it-core-bulk');
    const volume = await json('volume', 'create', '--size', '1', '--wait', name);
    created.volumes.push(volume.id);
    const run = await cli('volume', 'delete', 'no-such-volume-a', name, 'no-such-volume-b');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Failed to delete volume with name or ID 'no-such-volume-a'");
    expect(run.stderr).toContain("Failed to delete volume with name or ID 'no-such-volume-b'");
    expect(run.stderr).toContain('ucinder: 2 of 3 volumes failed to delete');
    // The bulk call did delete the middle one: Cinder finishes that deletion by itself (about a
    // second for the test bed's file-backed volumes), and then the volume is unknown.
    const after = await pollUntil(
      () => cli('volume', 'show', volume.id),
      (run) => run.code !== 0,
    );
    expect([after.code, after.stderr]).toEqual([1, `ucinder: No volume with a name or ID of '${volume.id}' exists.\n`]);
  });

  it('lists the services of both backends', async () => {
    // The test bed's own node; other test files may run the extra cluster's nodes (and kill one) meanwhile.
    const services = (await json('volume', 'service', 'list')).filter((s: { Host: string }) => s.Host.split('@')[0] === 'node1');
    const volumeHosts = services
      .filter((s: { Binary: string }) => s.Binary === 'cinder-volume')
      .map((s: { Host: string }) => s.Host)
      .sort();
    expect(volumeHosts).toEqual(['node1@mmj', 'node1@mmj2']);
    expect(services.map((s: { Binary: string }) => s.Binary).sort()).toEqual(['cinder-backup', 'cinder-scheduler', 'cinder-volume', 'cinder-volume']);
    for (const service of services) expect(service.State).toBe('up');
    const filtered = await json('service', 'list', '--service', 'cinder-volume', '--host', 'node1@mmj', '--long');
    expect(filtered).toHaveLength(1);
    // openstack's --long columns, then ucinder's own.
    expect(Object.keys(filtered[0])).toEqual([
      'Binary',
      'Host',
      'Zone',
      'Status',
      'State',
      'Updated At',
      'Disabled Reason',
      'Cluster',
      'Backend State',
      'Replication Status',
      'Active Backend ID',
      'Frozen',
    ]);
  });

  it('shows why a volume of a type with a missing backend ends in error', async () => {
    const missingType = uniqueName('it-core-missing');
    await json('type', 'create', '--property', 'volume_backend_name=no-such-backend', missingType);
    created.types.push(missingType);
    const errName = uniqueName('it-core-err');
    const run = await cli('volume', 'create', '--size', '1', '--type', missingType, '--wait', errName);
    const [row] = await json('volume', 'list', '--name', errName);
    if (row) created.volumes.push(row.ID);
    expect(run.code).toBe(1);
    // Zed's user message for "no valid backend" (the messages API, not the log).
    expect(run.stderr).toMatch(/ucinder: volume '.*' is in status 'error': schedule allocate volume:Could not find any available weighted backend\.\n$/);
    expect(row.Status).toBe('error');
  });

  it('negotiates the microversion and honours a pin within range', async () => {
    const debug = await cli('volume', 'list', '--limit', '1', '--debug');
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(/OpenStack-API-Version":"volume 3\.70"/);
    expect(debug.stderr).not.toContain(env.OS_TOKEN!);
    const pinned = await cli('volume', 'list', '--limit', '1', '--debug', '--os-volume-api-version', '3.0');
    expect(pinned.stderr).toMatch(/OpenStack-API-Version":"volume 3\.0"/);
    const tooNew = await cli('volume', 'list', '--os-volume-api-version', '3.71');
    expect(tooNew.code).toBe(2);
    expect(tooNew.stderr).toBe('ucinder: API version 3.71 is not supported by the server: it supports 3.0 to 3.70, ucinder supports 3.0 to 3.71\n');
  });

  it('rejects bad input before sending anything', async () => {
    for (const args of [
      ['volume', 'create', '--size', '0', 'x'],
      ['volume', 'create', '--size', 'abc', 'x'],
      ['volume', 'create', 'x'],
      ['volume', 'type', 'create', '--property', 'novalue', 'x'],
      ['volume', 'list', '--bogus'],
      ['volume', 'list', '-f', 'xml'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(/^ucinder: /);
      const debug = await cli('--debug', ...args);
      expect(debug.code, args.join(' ')).toBe(2);
      expect(debug.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });

  it('says clearly when Cinder is down', async () => {
    const run = await ucinder(['volume', 'list'], { ...env, OS_ENDPOINT: 'http://127.0.0.1:9', UCINDER_NO_CACHE: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('ucinder: cannot reach GET http://127.0.0.1:9/: connection refused\n');
  });

  it("reports Cinder's own message and request id for an unknown volume action", async () => {
    const run = await cli('volume', 'show', '00000000-0000-0000-0000-000000000000');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("ucinder: No volume with a name or ID of '00000000-0000-0000-0000-000000000000' exists.\n");
  });
});
