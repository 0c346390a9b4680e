import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, uniqueName } from '../support/ucinder-process.js';

/**
 * `volume service remove` through the real cinder-manage, for hosts Cinder
 * does not know. Removing a real stopped host, on the extra active/active
 * cluster, is part of the dead-node scenario (dead-node.test.ts), which
 * starts that cluster once for all its cluster tests.
 */
// The test bed's own config (a private test bed lives elsewhere: UCINDER_TESTBED_DIR, as lib.sh reads it).
const MANAGE = `cinder-manage --config-file ${join(process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed', 'etc/cinder.conf')}`;

const env = { ...testbedEnv(), ...privateHome() };

describe('volume service remove through the real cinder-manage', () => {
  it('a host cinder-manage does not know is an error (exit 1), though cinder-manage exits 0', async () => {
    const host = `${uniqueName('it-no-such-node')}@clbe`;
    const run = await ucinder(
      ['volume', 'service', 'remove', '--no-api-check', '--yes', 'cinder-volume', host],
      { ...env, UCINDER_MANAGE_RUNNER: 'local', UCINDER_MANAGE_COMMAND: MANAGE },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cinder-manage found no cinder-volume service on host '${host}': Host not found.`);
  });

  it('with the API check, an unknown host fails before cinder-manage runs', async () => {
    const host = `${uniqueName('it-no-such-node')}@clbe`;
    const run = await ucinder(['volume', 'service', 'remove', '--manage-command', '/nonexistent/cinder-manage', '--yes', 'cinder-volume', host], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cinder lists no cinder-volume service on host '${host}'`);
  });
});
