import { InvalidArgumentError } from 'commander';

/**
 * Commander argument parsers. They throw InvalidArgumentError, which
 * Commander reports as a one-line usage error (exit 2) before any request.
 */

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a positive whole number.');
  }
  return Number(value);
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number (0 or more).');
  }
  return Number(value);
}

export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError('expected a positive number of seconds.');
  }
  return seconds;
}

/** Repeatable option collecting into an array. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Repeatable `--property key=value`, collecting into a map. */
export function keyValue(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const index = value.indexOf('=');
  if (index <= 0) {
    throw new InvalidArgumentError(`expected key=value, got '${value}'.`);
  }
  return { ...previous, [value.slice(0, index)]: value.slice(index + 1) };
}

/** A non-empty name; Cinder caps names at 255 characters. */
export function resourceName(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('a name cannot be empty.');
  if (value.length > 255) throw new InvalidArgumentError(`a name is at most 255 characters (got ${value.length}).`);
  return value;
}
