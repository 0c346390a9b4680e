import { UsageError } from '../../errors.js';
import type { ConfigValue } from './config-value.js';
import { pyyamlTags } from './pyyaml-scalars.js';

/**
 * Reads one clouds.yaml or secure.yaml as openstacksdk does (PyYAML's
 * safe_load, YAML 1.1). Any problem is one line naming the file and line.
 *
 * The `yaml` package is imported here, on first use: loading it and parsing
 * costs ~20 ms of CPU (see state/clouds-cache.ts). The build also keeps it
 * out of the command tree's bundle, in dist/yaml.cjs (scripts/build.mjs):
 * its 115 KB in the main bundle cost every command, --help included, ~3.5 ms
 * of compiling even though never run (measured, Node 20).
 */
export async function parseYamlFile(path: string, text: string): Promise<ConfigValue> {
  return (await parseYamlWithScalars(path, text)).value;
}

/** A scalar of the file: its value and where its text is (quotes included). */
export interface ScalarSpan {
  value: unknown;
  start: number;
  end: number;
}

/** The parse, and every scalar in the text with where it is (to find a secret again without parsing). */
export async function parseYamlWithScalars(path: string, text: string): Promise<{ value: ConfigValue; scalars: ScalarSpan[] }> {
  const { LineCounter, parseDocument, visit } = await import('yaml');
  const lines = new LineCounter();
  const document = parseDocument(text, {
    version: '1.1',
    // Also under a `%YAML 1.2` directive: PyYAML reads every file as 1.1.
    schema: 'yaml-1.1',
    customTags: pyyamlTags,
    // Otherwise the 1.1 tags pyyamlTags leaves out come back.
    resolveKnownTags: false,
    // As in PyYAML: a repeated key's last value wins; a list or mapping as a key is refused.
    uniqueKeys: false,
    stringKeys: true,
    lineCounter: lines,
    prettyErrors: false,
    // Not 'silent': that also drops the error for a second document.
    logLevel: 'error',
  });
  const where = (offset: number) => `${path} line ${lines.linePos(offset).line}`;
  // PyYAML refuses what `yaml` only warns about: an unknown tag, a tag on the wrong kind of node.
  const problem = document.errors[0] ?? document.warnings.find((warning) => REFUSED_WARNINGS.has(warning.code));
  if (problem) {
    // yaml words this one after its option (PyYAML: "found unhashable key").
    const message = problem.code === 'NON_STRING_KEY' ? 'a key must be plain text, not a list, a mapping or a tagged value' : problem.message;
    throw new UsageError(`${where(problem.pos[0])}: ${oneLine(message)}`);
  }
  try {
    // yaml's default limit (100) would refuse a file of more than 100 clouds that
    // each merge `<<: *defaults`, which PyYAML reads; 10,000 still stops an alias
    // bomb, which the cache's JSON would expand.
    const value = document.toJS({ maxAliasCount: 10_000 }) as ConfigValue;
    const scalars: ScalarSpan[] = [];
    visit(document, {
      Scalar: (_key, scalar) => {
        if (scalar.range) scalars.push({ value: scalar.value, start: scalar.range[0], end: scalar.range[1] });
      },
    });
    return { value, scalars };
  } catch (error) {
    // An alias whose anchor is not defined before it, or aliases nested past yaml's limit.
    let offset: number | undefined;
    visit(document, {
      Alias: (_key, alias) => {
        if (alias.resolve(document) !== undefined || !alias.range) return undefined;
        offset = alias.range[0];
        return visit.BREAK;
      },
    });
    throw new UsageError(`${offset === undefined ? path : where(offset)}: ${oneLine((error as Error).message)}`);
  }
}

const REFUSED_WARNINGS = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
