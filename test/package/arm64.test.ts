import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCreated } from '../integration/helpers/cinder-fixtures.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { executable, QEMU_ARM64, VERSION } from './release.js';

/** release/ucinder-<version>-linux-arm64, run on this amd64 machine by qemu-user-static. */
describe('the arm64 single executable, under qemu-aarch64-static', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const command = [...QEMU_ARM64, executable('arm64')];
  const created = deleteCreated(afterAll, env);
  const volumeName = uniqueName('pkg-arm64-vol');
  beforeAll(async () => {
    created.volumes.push((await ucinderWith(env).json('volume', 'create', '--size', '1', volumeName)).id);
  });

  it('prints its version', async () => {
    const version = await ucinder(['--version'], env, { command });
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toBe(`${VERSION}\n`);
  });

  it('lists the volumes of the test bed', async () => {
    const list = await ucinder(['volume', 'list', '-f', 'json'], env, { command });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toContainEqual(expect.objectContaining({ ID: created.volumes[0], Name: volumeName }));
  });
});
