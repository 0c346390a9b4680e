import type { Command } from 'commander';
import type { ConnectorOverrides } from '../../host/connector.js';

export interface ConnectorFlags {
  ip?: string;
  host?: string;
  initiator?: string;
  nqn?: string;
  multipath?: boolean;
}

export function addConnectorOptions(command: Command): Command {
  return command
    .option('--ip <address>', 'this host\'s address as Cinder should see it (default: the default-route interface)')
    .option('--host <name>', 'host name to send (default: this hostname)')
    .option('--initiator <iqn>', 'iSCSI initiator IQN (default: from /etc/iscsi/initiatorname.iscsi)')
    .option('--nqn <nqn>', 'NVMe host NQN (default: from /etc/nvme/hostnqn)')
    .option('--multipath', 'ask for every path (iSCSI target_portals) and attach through multipath');
}

export function connectorOverrides(flags: ConnectorFlags): ConnectorOverrides {
  return { ip: flags.ip, host: flags.host, initiator: flags.initiator, nqn: flags.nqn, multipath: flags.multipath };
}
