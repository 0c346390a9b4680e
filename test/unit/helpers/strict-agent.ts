import { newAgent } from './harness.js';

/**
 * newAgent(), but one that main() cannot close. Closing a MockAgent drops
 * its interceptors, and main() closes its transport after every run, so
 * after `run` assertNoPendingInterceptors() would pass whatever the test
 * registered: with this agent an unused stub fails the test, as intended.
 */
export function newStrictAgent(): ReturnType<typeof newAgent> {
  const mock = newAgent();
  mock.agent.close = async () => undefined;
  return mock;
}
