/**
 * PyYAML's implicit resolver (yaml/resolver.py): which plain scalars YAML 1.1
 * reads as something other than text. The emitter quotes a string that one
 * of them matches (`'yes'`, `'007'`, `'2024-01-01'`), and the clouds.yaml
 * reader types plain scalars with them as openstacksdk's safe_load does
 * (auth/clouds/pyyaml-scalars.ts): it sits at the base so that both may import it. PyYAML's own patterns, verbose mode
 * spelled out; `y`, `n` and `1e3` match none of them, so PyYAML leaves
 * those plain (and reads them as text).
 */
export const PYYAML_PATTERNS = {
  true: 'yes|Yes|YES|true|True|TRUE|on|On|ON',
  false: 'no|No|NO|false|False|FALSE|off|Off|OFF',
  float:
    '[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
  int: '[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+',
  merge: '<<',
  null: '~|null|Null|NULL|',
  timestamp:
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?',
  value: '=',
  // Documentation only in PyYAML ("cannot work"), but it is registered, so it quotes a lone ! & or *.
  yaml: '!|&|\\*',
} as const;

/** A whole plain scalar matching one of PyYAML's patterns (JavaScript's `$`: the very end). */
export function pyyamlPattern(name: keyof typeof PYYAML_PATTERNS): RegExp {
  return new RegExp(`^(?:${PYYAML_PATTERNS[name]})$`);
}

/**
 * The first characters each pattern is registered under (PyYAML tries only
 * those, '' for the empty string). Python's re.match with a pattern ending
 * in `$` also matches before a final newline ("yes\n" resolves as a bool),
 * hence `\n?`.
 */
const RESOLVERS: [RegExp, string[]][] = (
  [
    ['true', 'yYnNtTfFoO'],
    ['false', 'yYnNtTfFoO'],
    ['float', '-+0123456789.'],
    ['int', '-+0123456789'],
    ['merge', '<'],
    ['null', ['~', 'n', 'N', '']],
    ['timestamp', '0123456789'],
    ['value', '='],
    ['yaml', '!&*'],
  ] as const
).map(([name, first]) => [new RegExp(`^(?:${PYYAML_PATTERNS[name]})\\n?$`), [...first]]);

/** Whether PyYAML, writing this string plain, would read it back as text. */
export function readsAsText(plain: string): boolean {
  const first = plain.slice(0, 1);
  return !RESOLVERS.some(([pattern, firsts]) => firsts.includes(first) && pattern.test(plain));
}
