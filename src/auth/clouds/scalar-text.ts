import type { ConfigValue } from './config-value.js';
import { resolvePlainScalar } from './pyyaml-scalars.js';

/**
 * How a one-line scalar's text in a YAML file reads back to its value,
 * without the yaml package: plain (typed as safe_load types it), plain kept
 * as text (a `!!str` tag before it), 'single' or "double" quoted (JSON's
 * escapes, a subset of YAML's). Anything longer or stranger has no
 * reading here, and is parsed.
 */
export type ScalarReading = 'plain' | 'text' | 'single' | 'double';

export function readScalarText(text: string, reading: ScalarReading): ConfigValue | undefined {
  if (/[\r\n]/.test(text)) return undefined;
  switch (reading) {
    case 'plain':
      return resolvePlainScalar(text);
    case 'text':
      return text;
    case 'single':
      return /^'.*'$/.test(text) ? text.slice(1, -1).replace(/''/g, "'") : undefined;
    case 'double':
      try {
        return /^".*"$/.test(text) ? (JSON.parse(text) as string) : undefined;
      } catch {
        return undefined;
      }
  }
}

/**
 * The reading that gives `value` back from `text`, if one does: the check
 * that makes a remembered place safe to read later, as long as the file's
 * text is the same (the parse cache's key).
 */
export function readingOf(text: string, value: ConfigValue): ScalarReading | undefined {
  const readings: ScalarReading[] = text.startsWith("'") ? ['single'] : text.startsWith('"') ? ['double'] : ['plain', 'text'];
  return readings.find((reading) => readScalarText(text, reading) === value);
}
