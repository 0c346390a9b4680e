import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ucinderWith } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

/**
 * volume list's filters, volume summary, resource filters, versions and
 * extensions against the real Cinder. Each test makes its own volumes; the
 * summary test works in a project of its own (noauth makes one free), so
 * its counts are exact whatever other tests do.
 */
describe('volume list filters, volume summary, resource filters, versions, extensions', () => {
  const { env, cli, json, newVolume } = testbedSession();

  it('--property, --bootable/--non-bootable and --filter select exactly the matching volumes', async () => {
    const tag = randomBytes(4).toString('hex');
    const gold = await newVolume('it-filter-gold', '--property', `tier=gold-${tag}`);
    const silver = await newVolume('it-filter-silver', '--property', `tier=silver-${tag}`);
    expect((await cli('volume', 'set', '--bootable', silver.name)).code).toBe(0);

    const names = async (...args: string[]) => ((await json('volume', 'list', ...args)) as { Name: string }[]).map((row) => row.Name).sort();
    expect(await names('--property', `tier=gold-${tag}`)).toEqual([gold.name]);
    expect(await names('--property', `tier=silver-${tag}`, '--bootable')).toEqual([silver.name]);
    expect(await names('--property', `tier=silver-${tag}`, '--non-bootable')).toEqual([]);
    expect(await names('--filter', 'availability_zone=nova', '--property', `tier=gold-${tag}`)).toEqual([gold.name]);
    expect(await names('--filter', 'availability_zone=no-such-zone', '--property', `tier=gold-${tag}`)).toEqual([]);
    // Inexact match (3.34+): a part of the name is enough.
    expect(await names('--filter', `name~=${gold.name.slice(3, -2)}`)).toEqual([gold.name]);
  });

  it('a --filter key the server does not enable is refused (exit 2) instead of listing everything', async () => {
    const run = await cli('volume', 'list', '--filter', 'colour=blue');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ucinder: --filter colour: not a volume filter this server enables \(it enables: name, status, metadata, bootable, .*\)\n$/);
  });

  it("--project lists another project's volumes; volume summary counts one project exactly", async () => {
    const project = randomBytes(16).toString('hex');
    const other = ucinderWith({ ...env, OS_PROJECT_ID: project, OS_TOKEN: `admin:${project}` });
    const empty = await other.json('volume', 'summary');
    expect(empty).toEqual({ 'Total Count': 0, 'Total Size': 0, Metadata: {} });
    const volume = await other.json('volume', 'create', '--size', '2', '--property', 'app=db', '--wait', `it-summary-${project.slice(0, 8)}`);
    try {
      expect(await other.json('volume', 'summary')).toEqual({ 'Total Count': 1, 'Total Size': 2, Metadata: { app: ['db'] } });
      // From the test bed's own project, as an admin: --project names the other one.
      const listed = (await json('volume', 'list', '--project', project)) as { ID: string }[];
      expect(listed.map((row) => row.ID)).toEqual([volume.id]);
      const all = await json('volume', 'summary', '--all-projects');
      expect(all['Total Count']).toBeGreaterThanOrEqual(1);
    } finally {
      expect((await other.cli('volume', 'delete', '--wait', volume.id)).code).toBe(0);
    }
  });

  it('resource filter show volume lists what volume list --filter accepts; an unknown resource is exit 1', async () => {
    const volume = await json('block', 'storage', 'resource', 'filter', 'show', 'volume');
    expect(volume.resource).toBe('volume');
    expect(volume.filters).toEqual(expect.arrayContaining(['name', 'status', 'metadata', 'bootable', 'availability_zone']));
    const unknown = await cli('block', 'storage', 'resource', 'filter', 'show', 'no-such-resource');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("ucinder: No resource filter with a name or ID of 'no-such-resource' exists.\n");
  });

  it("versions show reports the server's microversion range; a pinned old version makes 3.33+ commands fail before any request", async () => {
    const versions = (await json('versions', 'show')) as Record<string, string>[];
    const v3 = versions.find((row) => row.Version === '3.0');
    expect(v3).toMatchObject({ 'Service Type': 'block-storage', Status: 'CURRENT', 'Min Microversion': '3.0' });
    expect(v3!['Max Microversion']).toMatch(/^3\.\d+$/);
    const old = await cli('--os-volume-api-version', '3.30', 'block', 'storage', 'resource', 'filter', 'list', '--debug');
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/ucinder: block storage resource filter list needs Block Storage API microversion 3\.33 or later, but this session uses 3\.30/);
    expect(old.stderr).not.toMatch(/resource_filters/);
  });

  it('extension list shows the API extensions Cinder publishes', async () => {
    const extensions = (await json('extension', 'list')) as Record<string, string>[];
    expect(extensions.map((row) => row.Alias)).toEqual(expect.arrayContaining(['os-admin-actions', 'os-volume-unmanage']));
    expect(Object.keys(extensions[0]!)).toEqual(['Name', 'Alias', 'Description']);
  });
});
