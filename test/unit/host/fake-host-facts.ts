import type { HostFacts } from '../../../src/host/connector.js';

/** The default route on eth0 (192.0.2.2); eth1 only reaches 10.1.1.0/24. */
export const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth1\t0001010A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
`;

/** Host node7 (x86_64 Linux, eth0 192.0.2.2, eth1 10.1.1.5) with exactly these files readable. */
export function hostFacts(files: Record<string, string>): HostFacts {
  return {
    readText: async (path) => files[path],
    hostname: () => 'node7',
    machine: () => 'x86_64',
    osType: () => 'linux',
    networkInterfaces: () => ({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      eth1: [{ address: '10.1.1.5', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '10.1.1.5/24' }],
      eth0: [{ address: '192.0.2.2', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.2/24' }],
    }),
  };
}

export const INITIATOR = 'iqn.1993-08.org.debian:01:abc';
export const HOST_NQN = 'nqn.2014-08.org.nvmexpress:uuid:1234';
export const HOST_ID = '0b5e2c3d-1111-4222-8333-444455556666';

/** node7 with open-iscsi and nvme-cli set up: its initiator name, host NQN and host id. */
export function node7(): HostFacts {
  return hostFacts({
    '/proc/net/route': ROUTES,
    '/etc/iscsi/initiatorname.iscsi': `## comment\nInitiatorName=${INITIATOR}\n`,
    '/etc/nvme/hostnqn': `${HOST_NQN}\n`,
    '/etc/nvme/hostid': `${HOST_ID}\n`,
  });
}

/** The connector node7() makes, as Cinder receives it. */
export const NODE7_CONNECTOR = {
  platform: 'x86_64',
  os_type: 'linux',
  ip: '192.0.2.2',
  host: 'node7',
  multipath: false,
  enforce_multipath: false,
  do_local_attach: false,
  initiator: INITIATOR,
  nqn: HOST_NQN,
  nvme_hostid: HOST_ID,
};
