import { describe, expect, it } from 'vitest';
import { buildConnector } from '../../../src/host/connector.js';
import { hostFacts, ROUTES } from './fake-host-facts.js';

describe('connector', () => {
  it('is built like os-brick: default-route ip, hostname, initiator, host NQN', async () => {
    const connector = await buildConnector(
      {},
      hostFacts({
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
    const connector = await buildConnector({ ip: '10.9.9.9', host: 'other', multipath: true }, hostFacts({}));
    expect(connector).toMatchObject({ ip: '10.9.9.9', host: 'other', multipath: true });
    expect(connector).not.toHaveProperty('initiator');
    expect(connector).not.toHaveProperty('nqn');
  });
});
