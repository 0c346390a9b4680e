import { describe, expect, it } from 'vitest';
import { interceptVersions, newAgent, run } from './harness.js';

describe('the unit harness', () => {
  it('keeps the agent open after a run, so an unused stub still fails assertNoPendingInterceptors()', async () => {
    // main() closes its transport when it returns; were that the test's
    // MockAgent, its pending interceptors would vanish with it.
    const mock = newAgent();
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: '/never-requested', method: 'GET' }).reply(200, {});
    const result = await run(['volume', 'type', 'list', '-f', 'value'], mock.agent);
    expect(result.code).toBe(1);
    expect(() => mock.agent.assertNoPendingInterceptors()).toThrow(/never-requested/);
  });
});
