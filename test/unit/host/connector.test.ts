import { describe, expect, it } from 'vitest';
import { buildConnector, type HostFacts } from '../../../src/host/connector.js';

function facts(files: Record<string, string>): HostFacts {
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

const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth1\t0001010A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
`;

describe('connector', () => {
  it('is built like os-brick: default-route ip, hostname, initiator, host NQN', async () => {
    const connector = await buildConnector(
      {},
      facts({
        '/proc/net/route': ROUTES,
        '/etc/iscsi/initiatorname.iscsi': '## comment\nInitiatorName=iqn.1993-08.org.debian:01:abc\n',
        '/etc/nvme/hostnqn': 'nqn.2014-08.org.nvmexpress:uuid:1234\n',
      }),
    );
    expect(connector).toEqual({
      platform: 'x86_64',
      os_type: 'linux',
      ip: '192.0.2.2',
      host: 'node7',
      multipath: false,
      enforce_multipath: false,
      do_local_attach: false,
      initiator: 'iqn.1993-08.org.debian:01:abc',
      nqn: 'nqn.2014-08.org.nvmexpress:uuid:1234',
    });
  });

  it('takes overrides and leaves out what the host lacks', async () => {
    const connector = await buildConnector({ ip: '10.9.9.9', host: 'other', multipath: true }, facts({}));
    expect(connector).toMatchObject({ ip: '10.9.9.9', host: 'other', multipath: true });
    expect(connector).not.toHaveProperty('initiator');
    expect(connector).not.toHaveProperty('nqn');
  });
});
