import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
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
