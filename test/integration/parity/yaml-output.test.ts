import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { sideBySide, type SideBySide } from './side-by-side.js';

/**
 * `-f yaml` of show and list commands, byte for byte what openstack prints
 * (cliff's PyYAML safe_dump), on resources whose values PyYAML writes its own
 * way: descriptions longer than 80 columns (folded), non-ASCII names
 * (escaped, `"\xDCn\xEFcode"`), property keys and values a YAML 1.1 reader
 * could mistake (`n`, `007`, `yes`, `on`, `- x`, `a: b`). Both sides ask for
 * the same microversion, so that both print the same fields.
 */
const MICROVERSION = ['--os-volume-api-version', '3.70'];
const LONG_DESCRIPTION = 'A description longer than the eighty columns PyYAML allows on one line, so that it folds there: «ünïcode» too';

describe('parity with openstack: -f yaml', () => {
  let peers: SideBySide;
  const volumeName = uniqueName('Ünïcode-yaml-vol');
  const snapshotName = uniqueName('snäp-yaml');
  const typeName = uniqueName('typ-yäml');
  let volumeId = '';
  let snapshotId = '';
  let typeId = '';

  const yaml = async (args: string[]) => {
    const { ours, theirs } = await peers.text([...MICROVERSION, ...args, '-f', 'yaml']);
    expect(theirs.length, `openstack ${args.join(' ')} printed something`).toBeGreaterThan(0);
    expect(ours, `ucinder ${args.join(' ')} -f yaml`).toBe(theirs);
    return ours;
  };

  beforeAll(async () => {
    peers = sideBySide();
    const json = async (args: string[]) => {
      const run = await peers.ucinder([...args, '-f', 'json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { id: string };
    };
    const flags = (pairs: string[]) => pairs.flatMap((pair) => ['--property', pair]);
    // Cinder allows only [a-zA-Z0-9-_:. /] in a key; any text in a value.
    const properties = flags(['n=007', 'y=yes', 'on=off', '- x=a: b', 'k=Ünï ü']);
    typeId = (await json(['volume', 'type', 'create', '--description', LONG_DESCRIPTION, ...properties, typeName])).id;
    volumeId = (await json(['volume', 'create', '--size', '1', '--description', LONG_DESCRIPTION, ...properties, '--wait', volumeName])).id;
    snapshotId = (await json(['volume', 'snapshot', 'create', '--volume', volumeId, '--description', LONG_DESCRIPTION, ...properties, '--wait', snapshotName])).id;
  });

  afterAll(async () => {
    const steps: string[][] = [];
    if (snapshotId) steps.push(['volume', 'snapshot', 'delete', '--wait', snapshotId]);
    if (volumeId) steps.push(['volume', 'delete', '--wait', volumeId]);
    if (typeId) steps.push(['volume', 'type', 'delete', typeId]);
    // Every step, then the verdicts: a failed one must not leave the rest undone.
    const runs = [];
    for (const step of steps) runs.push({ step, run: await peers.ucinder(step) });
    for (const { step, run } of runs) expectCleanedUp(run, step.join(' '));
  }, 300_000);

  it('volume show: folded description, escaped name, properties keyed n, y, on', async () => {
    const text = await yaml(['volume', 'show', volumeId]);
    expect(text).toContain("\n  n: '007'\n");
    expect(text).toMatch(/^name: "\\xDCn\\xEFcode-yaml-vol-/m);
    expect(text).toMatch(/^description: "A description longer than the eighty columns PyYAML allows on one line,\\\n {2}\\ so/m);
  });

  it("volume list and list --long (openstack's columns)", async () => {
    await yaml(['volume', 'list', '--name', volumeName]);
    const columns = ['ID', 'Name', 'Status', 'Size', 'Type', 'Bootable', 'Attached to', 'Properties'].flatMap((name) => ['-c', name]);
    const long = await yaml(['volume', 'list', '--name', volumeName, '--long', ...columns]);
    expect(long).toContain("  Properties:\n    '- x': 'a: b'\n");
  });

  it('volume snapshot show, list and list --long', async () => {
    await yaml(['volume', 'snapshot', 'show', snapshotId]);
    await yaml(['volume', 'snapshot', 'list', '--name', snapshotName]);
    await yaml(['volume', 'snapshot', 'list', '--name', snapshotName, '--long']);
  });

  it('volume type show', async () => {
    await yaml(['volume', 'type', 'show', typeId]);
  });
});
