import type { ScalarTag, Tags } from 'yaml';
import { pyyamlPattern } from '../../pyyaml-resolver.js';
import type { ConfigValue } from './config-value.js';

/**
 * Plain scalars typed as PyYAML's safe_load types them (its Resolver and
 * SafeConstructor), which is how openstacksdk reads clouds.yaml. The `yaml`
 * package's own YAML 1.1 schema differs on values people do write there:
 * it reads `y`/`n` as booleans, `089` and `0:30` as numbers, `1e3` and
 * `12e3456` (an all-digit-and-one-e hex ID) as floats, and rounds long
 * integers (an all-digit project ID); PyYAML keeps the first four as strings
 * and Python ints are exact. The regular expressions are PyYAML's, shared
 * with the -f yaml emitter, which quotes what they match.
 *
 * Types only in this file: the `yaml` package itself is loaded lazily.
 */

const BOOL = 'tag:yaml.org,2002:bool';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';

const trueTag: ScalarTag = {
  tag: BOOL,
  default: true,
  test: pyyamlPattern('true'),
  resolve: () => true,
};

const falseTag: ScalarTag = {
  tag: BOOL,
  default: true,
  test: pyyamlPattern('false'),
  resolve: () => false,
};

const intTag: ScalarTag = {
  tag: INT,
  default: true,
  test: pyyamlPattern('int'),
  resolve: (source, onError) => {
    try {
      return exactInt(pythonInt(source));
    } catch {
      onError(`not an integer: ${source}`);
      return source;
    }
  },
};

const floatTag: ScalarTag = {
  tag: FLOAT,
  default: true,
  test: pyyamlPattern('float'),
  resolve: (source) => {
    const value = pythonFloat(source);
    // JSON (the parsed-clouds cache) has no inf/nan, and a clouds.yaml value is
    // only ever used as text: keep what Python's str() prints.
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return value;
  },
};

/** SafeConstructor.construct_yaml_int: 0b binary, 0x hex, leading 0 octal, a:b:c base 60. */
function pythonInt(source: string): bigint {
  let text = source.replace(/_/g, '');
  const negative = text.startsWith('-');
  if (/^[-+]/.test(text)) text = text.slice(1);
  let value: bigint;
  if (text === '0') value = 0n;
  else if (text.startsWith('0b')) value = BigInt(`0b${text.slice(2)}`);
  else if (text.startsWith('0x')) value = BigInt(`0x${text.slice(2)}`);
  else if (text.startsWith('0')) value = BigInt(`0o${text.slice(1)}`);
  else if (text.includes(':')) value = text.split(':').reduce((sum, part) => sum * 60n + BigInt(part), 0n);
  else value = BigInt(text);
  return negative ? -value : value;
}

/** Past 2^53 a number would lose digits; the decimal text is what Python's str() prints. */
function exactInt(value: bigint): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/** SafeConstructor.construct_yaml_float, including a:b:c.d base 60. */
function pythonFloat(source: string): number {
  let text = source.replace(/_/g, '').toLowerCase();
  const sign = text.startsWith('-') ? -1 : 1;
  if (/^[-+]/.test(text)) text = text.slice(1);
  if (text === '.inf') return sign * Infinity;
  if (text === '.nan') return NaN;
  if (text.includes(':')) return sign * text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return sign * Number(text);
}

const REPLACED = new Set([BOOL, INT, FLOAT]);

/**
 * Left out, so that parsed values stay plain JSON (the cache stores them):
 * timestamps stay strings (PyYAML makes a date of `2024-01-01`, whose str(),
 * all openstacksdk does with such a value, is that same text); an explicit
 * !!binary, !!set, !!omap or !!pairs, which no clouds.yaml needs, is refused.
 */
const LEFT_OUT = new Set(['timestamp', 'binary', 'set', 'omap', 'pairs'].map((name) => `tag:yaml.org,2002:${name}`));

/** The `yaml` 1.1 schema's tags with PyYAML's bool/int/float in place of its own. */
export function pyyamlTags(schemaTags: Tags): Tags {
  // yaml hands over the schema's tag objects; a bare name would only come from a custom schema.
  const kept = schemaTags.filter((tag) => typeof tag === 'string' || (!REPLACED.has(tag.tag) && !LEFT_OUT.has(tag.tag)));
  return [...kept, trueTag, falseTag, intTag, floatTag];
}

const NULL = pyyamlPattern('null');

/**
 * A plain (unquoted, untagged) scalar's value as the tags above and YAML
 * 1.1's null read it, without the yaml package: how a secret is read back
 * from its file at the place the last parse found it (cloud-secrets.ts).
 */
export function resolvePlainScalar(source: string): ConfigValue {
  if (NULL.test(source)) return null;
  for (const tag of [trueTag, falseTag, intTag, floatTag]) {
    if ((tag.test as RegExp).test(source)) {
      return tag.resolve(
        source,
        (message) => {
          throw new Error(message);
        },
        {},
      ) as ConfigValue;
    }
  }
  return source;
}
