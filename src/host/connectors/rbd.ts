import { HostCommandError, type RunOptions } from '../runner.js';
import type { Connector } from '../connector.js';
import { waitForDevice } from '../wait-for-device.js';
import { flushDevice } from './flush.js';
import type { DeviceProbe } from '../device-probe.js';
import { ConnectionDataError, requireString, type AttachContext, type AttachOutcome, type ConnectionData, type HostPresence, type ProtocolConnector } from './protocol.js';

const RBD: RunOptions = { missingHint: 'ceph-common (rbd), e.g. apt install ceph-common' };

interface RbdImage {
  pool: string;
  image: string;
}

/** data.name is "pool/image" (Cinder's RBD driver). */
export function rbdImage(data: ConnectionData): RbdImage {
  const name = requireString(data, 'name', 'rbd');
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) throw new ConnectionDataError(`the rbd connection info has an unexpected name '${name}' (expected pool/image)`);
  return { pool: name.slice(0, slash), image: name.slice(slash + 1) };
}

/** The udev link rbd map creates: /dev/rbd/<pool>/<image>. */
export function rbdDevicePath(image: RbdImage): string {
  return `/dev/rbd/${image.pool}/${image.image}`;
}

/** Monitors as --mon_host wants them: host:port, IPv6 in brackets. */
function monitorList(data: ConnectionData): string | undefined {
  const hosts = Array.isArray(data.hosts) ? data.hosts.map(String) : [];
  const ports = Array.isArray(data.ports) ? data.ports.map(String) : [];
  if (hosts.length === 0) return undefined;
  return hosts
    .map((host, index) => {
      const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
      const port = ports[index] ?? ports[0];
      return port ? `${shown}:${port}` : shown;
    })
    .join(',');
}

function identityArgs(data: ConnectionData): string[] {
  const args: string[] = [];
  if (typeof data.auth_username === 'string' && data.auth_username) args.push('--id', data.auth_username);
  const monitors = monitorList(data);
  if (monitors) args.push('--mon_host', monitors);
  return args;
}

export class RbdConnector implements ProtocolConnector {
  async attach(data: ConnectionData, _connector: Connector, context: AttachContext): Promise<AttachOutcome> {
    const image = rbdImage(data);
    const expected = rbdDevicePath(image);
    // A second `rbd map` would map the image again under a new /dev/rbdN.
    if (!context.dryRun && (await context.probe.exists(expected))) {
      context.warn(`${image.pool}/${image.image} is already mapped at ${expected}`);
      return { device: expected, paths: [expected] };
    }
    if (typeof data.keyring === 'string' && data.keyring) {
      context.warn('Cinder sent a keyring; ucinder does not write it to disk: rbd map uses the keyring in /etc/ceph');
    }
    await context.runner.run(['rbd', 'map', image.image, '--pool', image.pool, ...identityArgs(data)], RBD);
    if (context.dryRun) return { device: expected, paths: [expected] };
    const device = await waitForDevice(
      async () => ((await context.probe.exists(expected)) ? expected : undefined),
      context.deviceTimeoutMs,
      context.clock,
      () =>
        `rbd map succeeded but ${expected} did not appear within ${context.deviceTimeoutMs / 1000} s: check that udev is running and the ceph udev rules (ceph-common) are installed`,
    );
    return { device, paths: [device] };
  }

  async onHost(data: ConnectionData, _connector: Connector, probe: DeviceProbe): Promise<HostPresence> {
    const link = rbdDevicePath(rbdImage(data));
    return (await probe.exists(link)) ? { device: link, paths: [link], expected: 1 } : { paths: [], expected: 1 };
  }

  async detach(data: ConnectionData, _connector: Connector, device: string | undefined, context: AttachContext): Promise<void> {
    const image = rbdImage(data);
    const mapped = device ?? rbdDevicePath(image);
    if (!context.dryRun && !(await context.probe.exists(mapped))) return;
    await flushDevice(mapped, context);
    try {
      await context.runner.run(['rbd', 'unmap', mapped], RBD);
    } catch (error) {
      // Unmapped by someone else between our check and the call: the goal is reached.
      if (error instanceof HostCommandError && /not mapped|No such file/i.test(error.stderr)) return;
      throw error;
    }
  }
}
