import type { Command } from 'commander';
import type { ConnectorProperties } from '../../api/resources/attachments.js';

/** openstack's connector flags of `volume attachment create --connect` and `volume attachment set`. */
export interface ConnectorFlags {
  initiator?: string;
  ip?: string;
  host?: string;
  platform?: string;
  osType?: string;
  multipath?: boolean;
  mountpoint?: string;
}

export function addConnectorOptions(command: Command): void {
  command
    .option('--initiator <initiator>', 'IQN of the initiator attaching to')
    .option('--ip <ip>', 'IP of the system attaching to')
    .option('--host <host>', 'name of the host attaching to')
    .option('--platform <platform>', 'platform type (e.g. x86_64)')
    .option('--os-type <ostype>', 'OS type (e.g. linux2)')
    .option('--multipath', 'use multipath')
    .option('--no-multipath', 'do not use multipath (default)')
    .option('--mountpoint <mountpoint>', 'mountpoint the volume will be attached at');
}

/** Any connector flag given (what `create` refuses without --connect). */
export function anyConnectorFlag(flags: ConnectorFlags): boolean {
  return [flags.initiator, flags.ip, flags.host, flags.platform, flags.osType, flags.mountpoint].some((value) => value !== undefined) || flags.multipath === true;
}

/** The connector as openstack sends it: every key present, null when not given. */
export function connectorFrom(flags: ConnectorFlags): ConnectorProperties {
  return {
    initiator: flags.initiator ?? null,
    ip: flags.ip ?? null,
    platform: flags.platform ?? null,
    host: flags.host ?? null,
    os_type: flags.osType ?? null,
    multipath: flags.multipath === true,
    mountpoint: flags.mountpoint ?? null,
  };
}
