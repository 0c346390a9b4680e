import { UcinderError } from '../../errors.js';
import type { Connector } from '../connector.js';
import type { DeviceProbe } from '../device-probe.js';
import type { CommandRunner } from '../runner.js';
import type { PollClock } from '../wait-for-device.js';

/** What a protocol connector may use: the runner for side effects, the probe for /dev and /sys. */
export interface AttachContext {
  runner: CommandRunner;
  probe: DeviceProbe;
  clock: PollClock;
  /** How long to wait for the block device after login/map/connect. */
  deviceTimeoutMs: number;
  /** In a dry run nothing is waited for: the expected device path is reported. */
  dryRun: boolean;
  warn: (message: string) => void;
}

export interface AttachOutcome {
  /** The device to use: the multipath map when there is one. */
  device: string;
  /** Every path device found (one per portal for iSCSI multipath). */
  paths: string[];
}

/** A connection is complete when every path it should have is there. */
export function isComplete(presence: HostPresence): boolean {
  return presence.device !== undefined && presence.paths.length >= presence.expected;
}

/** Connection data as Cinder returned it (connection_info.data). */
export type ConnectionData = Record<string, unknown>;

/** What of a connection is on this host now, read from /dev and /sys (no command is run). */
export interface HostPresence {
  /** The device to use (the multipath map over several paths), when any path is there. */
  device?: string;
  /** The path devices that are there. */
  paths: string[];
  /** How many path devices a complete attachment has (one per portal with multipath). */
  expected: number;
}

export interface ProtocolConnector {
  attach(data: ConnectionData, connector: Connector, context: AttachContext): Promise<AttachOutcome>;
  /** Which of the connection's devices exist now: after a reboot none, with a lost multipath path some. */
  onHost(data: ConnectionData, connector: Connector, probe: DeviceProbe): Promise<HostPresence>;
  /** The reverse; succeeds when there is nothing left to undo. */
  detach(data: ConnectionData, connector: Connector, device: string | undefined, context: AttachContext): Promise<void>;
}

/** A connection_info field that must be there; a clear error when Cinder sent something unexpected. */
export function requireString(data: ConnectionData, key: string, protocol: string): string {
  const value = data[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  throw new ConnectionDataError(`the ${protocol} connection info has no '${key}'; run init-connect again`);
}

/** The cached connection info lacks what this protocol needs. */
export class ConnectionDataError extends UcinderError {
  override name = 'ConnectionDataError';
}
