import type { Connector } from '../connector.js';
import { HostCommandError, type RunOptions } from '../runner.js';
import { waitForDevice } from '../wait-for-device.js';
import { flushDevice } from './flush.js';
import type { DeviceProbe } from '../device-probe.js';
import { ConnectionDataError, requireString, type AttachContext, type AttachOutcome, type ConnectionData, type HostPresence, type ProtocolConnector } from './protocol.js';

const NVME: RunOptions = { missingHint: 'nvme-cli (nvme), e.g. apt install nvme-cli' };
/** nvme-cli's exit codes for "already connected" (EALREADY on various versions), as os-brick accepts. */
const ALREADY_CONNECTED = [70, 114];

interface NvmePortal {
  address: string;
  port: string;
  transport: string;
}

interface NvmeTarget {
  nqn: string;
  portals: NvmePortal[];
  nsId?: number;
  uuid?: string;
}

/** Both shapes of Cinder's nvmeof data: v1 (target_portal/port/nqn) and v2 (target_nqn, portals). */
export function nvmeTarget(data: ConnectionData): NvmeTarget {
  const nsId = data.ns_id === undefined || data.ns_id === null ? undefined : Number(data.ns_id);
  const uuid = typeof data.vol_uuid === 'string' ? data.vol_uuid : undefined;
  if (Array.isArray(data.portals)) {
    const portals = data.portals.map((portal) => {
      if (!Array.isArray(portal) || portal.length < 2) throw new ConnectionDataError('the nvmeof connection info has a malformed portal entry');
      return { address: String(portal[0]), port: String(portal[1]), transport: transportName(portal[2]) };
    });
    return { nqn: requireString(data, 'target_nqn', 'nvmeof'), portals, nsId, uuid };
  }
  return {
    nqn: requireString(data, 'nqn', 'nvmeof'),
    portals: [{ address: requireString(data, 'target_portal', 'nvmeof'), port: requireString(data, 'target_port', 'nvmeof'), transport: transportName(data.transport_type) }],
    nsId,
    uuid,
  };
}

/** Cinder says "tcp", "rdma" or the spdk-ish "RoCEv2"; nvme-cli wants tcp or rdma. */
function transportName(value: unknown): string {
  const text = typeof value === 'string' ? value.toLowerCase() : 'tcp';
  return text === 'rocev2' ? 'rdma' : text;
}

export class NvmeofConnector implements ProtocolConnector {
  async attach(data: ConnectionData, connector: Connector, context: AttachContext): Promise<AttachOutcome> {
    const target = nvmeTarget(data);
    for (const portal of target.portals) {
      const argv = ['nvme', 'connect', '-t', portal.transport, '-a', portal.address, '-s', portal.port, '-n', target.nqn];
      if (typeof connector.nqn === 'string' && connector.nqn) argv.push('-q', connector.nqn);
      if (typeof connector.nvme_hostid === 'string' && connector.nvme_hostid) argv.push('-I', connector.nvme_hostid);
      try {
        await context.runner.run(argv, { ...NVME, okExitCodes: [0, ...ALREADY_CONNECTED] });
      } catch (error) {
        if (error instanceof HostCommandError && /already connected/i.test(error.stderr)) continue;
        throw error;
      }
    }
    const described = target.uuid ? `uuid ${target.uuid}` : `namespace ${target.nsId ?? '?'}`;
    if (context.dryRun) return { device: `<${described} of ${target.nqn}>`, paths: [] };
    const device = await waitForDevice(
      () => context.probe.nvmeNamespace(target.nqn, { nsId: target.nsId, uuid: target.uuid }),
      context.deviceTimeoutMs,
      context.clock,
      () =>
        `connected to ${target.nqn} but its ${described} did not appear within ${context.deviceTimeoutMs / 1000} s: check \`nvme list-subsys\` and that the namespace is mapped to host NQN ${connector.nqn ?? '(none sent)'}`,
    );
    return { device, paths: [device] };
  }

  async onHost(data: ConnectionData, _connector: Connector, probe: DeviceProbe): Promise<HostPresence> {
    const target = nvmeTarget(data);
    const device = await probe.nvmeNamespace(target.nqn, { nsId: target.nsId, uuid: target.uuid });
    return device ? { device, paths: [device], expected: 1 } : { paths: [], expected: 1 };
  }

  async detach(data: ConnectionData, _connector: Connector, device: string | undefined, context: AttachContext): Promise<void> {
    const target = nvmeTarget(data);
    await flushDevice(device, context);
    // Disconnecting an NQN that is not connected is a no-op with exit 0.
    await context.runner.run(['nvme', 'disconnect', '-n', target.nqn], NVME);
  }
}
