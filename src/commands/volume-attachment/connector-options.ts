import type { ConnectorProperties } from '../../api/resources/attachments.js';
import { flag, option } from '../../cli/option-spec.js';

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

export const CONNECTOR_OPTIONS = {
  initiator: option('--initiator <initiator>', 'IQN of the initiator attaching to'),
  ip: option('--ip <ip>', 'IP of the system attaching to'),
  host: option('--host <host>', 'name of the host attaching to'),
  platform: option('--platform <platform>', 'platform type (e.g. x86_64)'),
  osType: option('--os-type <ostype>', 'OS type (e.g. linux2)'),
  multipath: flag('--multipath', 'use multipath', { negatable: 'do not use multipath (default)' }),
  mountpoint: option('--mountpoint <mountpoint>', 'mountpoint the volume will be attached at'),
};

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
