import { describe, expect, it } from 'vitest';
import { mapSettledBounded } from '../../../src/cli/bounded-map.js';

describe('mapSettledBounded', () => {
  it('keeps at most N in flight, settles everything, results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    // Each item takes that many turns of the microtask queue: they finish out of order, with no timer.
    const results = await mapSettledBounded([30, 10, 20, 0, 5], 2, async (turns, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let turn = 0; turn < turns; turn++) await Promise.resolve();
      inFlight--;
      if (index === 1) throw new Error('second failed');
      return index;
    });
    expect(peak).toBe(2);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([0, 'second failed', 2, 3, 4]);
  });

  it('handles no items', async () => {
    expect(await mapSettledBounded([], 8, async () => 1)).toEqual([]);
  });
});
