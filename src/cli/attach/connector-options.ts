import type { ConnectorOverrides } from '../../host/connector.js';
import { flag, option } from '../option-spec.js';

export interface ConnectorFlags {
  ip?: string;
  host?: string;
  initiator?: string;
  nqn?: string;
  multipath?: boolean;
}

/** What a command may say about this host instead of what ucinder finds (init-connect, connector show). */
export const CONNECTOR_OPTIONS = {
  ip: option('--ip <address>', "this host's address as Cinder should see it (default: the default-route interface)"),
  host: option('--host <name>', 'host name to send (default: this hostname)'),
  initiator: option('--initiator <iqn>', 'iSCSI initiator IQN (default: from /etc/iscsi/initiatorname.iscsi)'),
  nqn: option('--nqn <nqn>', 'NVMe host NQN (default: from /etc/nvme/hostnqn)'),
  multipath: flag('--multipath', 'ask for every path (iSCSI target_portals) and attach through multipath'),
};

export function connectorOverrides(flags: ConnectorFlags): ConnectorOverrides {
  return { ip: flags.ip, host: flags.host, initiator: flags.initiator, nqn: flags.nqn, multipath: flags.multipath };
}
