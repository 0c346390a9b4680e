import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { mapSettledBounded } from '../../../src/cli/bounded-map.js';
import { collect, keyValue, nonNegativeInteger, positiveInteger, positiveSeconds, resourceName } from '../../../src/cli/option-parsers.js';

describe('option parsers', () => {
  it('positiveInteger takes whole numbers above 0 only', () => {
    expect(positiveInteger('7')).toBe(7);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '1e3', '99999999999999999999']) {
      expect(() => positiveInteger(bad)).toThrow(InvalidArgumentError);
    }
  });

  it('nonNegativeInteger takes 0', () => {
    expect(nonNegativeInteger('0')).toBe(0);
    expect(() => nonNegativeInteger('-1')).toThrow('expected a whole number (0 or more).');
  });

  it('positiveSeconds takes fractions', () => {
    expect(positiveSeconds('0.5')).toBe(0.5);
    for (const bad of ['0', '-3', 'soon', '', 'Infinity']) expect(() => positiveSeconds(bad)).toThrow(InvalidArgumentError);
  });

  it('keyValue splits at the first = and collects', () => {
    expect(keyValue('b=x=y', keyValue('a=1', undefined))).toEqual({ a: '1', b: 'x=y' });
    expect(keyValue('empty=', undefined)).toEqual({ empty: '' });
    expect(() => keyValue('novalue', undefined)).toThrow("expected key=value, got 'novalue'.");
    expect(() => keyValue('=v', undefined)).toThrow(InvalidArgumentError);
  });

  it('collect repeats', () => {
    expect(collect('b', collect('a', undefined))).toEqual(['a', 'b']);
  });

  it('resourceName refuses empty and over-long names', () => {
    expect(resourceName('vol1')).toBe('vol1');
    expect(() => resourceName('  ')).toThrow('a name cannot be empty.');
    expect(() => resourceName('x'.repeat(256))).toThrow('a name is at most 255 characters (got 256).');
  });
});

describe('mapSettledBounded', () => {
  it('keeps at most N in flight, settles everything, results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapSettledBounded([30, 10, 20, 0, 5], 2, async (ms, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      if (index === 1) throw new Error('second failed');
      return index;
    });
    expect(peak).toBe(2);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      0,
      'second failed',
      2,
      3,
      4,
    ]);
  });

  it('handles no items', async () => {
    expect(await mapSettledBounded([], 8, async () => 1)).toEqual([]);
  });
});
