import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, run } from '../../helpers/harness.js';
import { NODE7_CONNECTOR, node7 } from '../../host/fake-host-facts.js';

describe('connector show', () => {
  const mock = mockCinderPerTest();

  it("shows the connector built from this host's facts, without asking Cinder", async () => {
    const result = await run(['connector', 'show', '-f', 'json'], mock.agent, { hostFacts: node7() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual(NODE7_CONNECTOR);
  });

  it('--multipath, --ip, --host, --initiator and --nqn override the facts', async () => {
    const result = await run(
      ['connector', 'show', '--multipath', '--ip', '198.51.100.7', '--host', 'n7', '--initiator', 'iqn.2024-01.example:n7', '--nqn', 'nqn.2024-01.example:n7', '-f', 'json'],
      mock.agent,
      { hostFacts: node7() },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      ...NODE7_CONNECTOR,
      multipath: true,
      ip: '198.51.100.7',
      host: 'n7',
      initiator: 'iqn.2024-01.example:n7',
      nqn: 'nqn.2024-01.example:n7',
    });
  });
});
