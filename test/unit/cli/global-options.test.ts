import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addGlobalOptions, GLOBAL_OPTIONS, type GlobalOption } from '../../../src/cli/global-options.js';
import { CONFIGURATION_DOC, GENERATED_SECTIONS, sectionText } from '../../../src/cli/configuration-doc.js';
import { debugRequested, resolveSettings, type Settings } from '../../../src/cli/settings.js';
import { newAgent, run } from '../helpers/harness.js';

const ROWS: readonly GlobalOption[] = GLOBAL_OPTIONS;
const takesValue = (row: GlobalOption) => row.flag.includes(' <');
const SWITCHES = ROWS.filter((row) => !takesValue(row));

function field(settings: Settings, row: GlobalOption): unknown {
  return (row.group === 'auth' ? settings.auth : settings)[row.key as keyof object];
}

/** A value the row's flag accepts, a different one for each index. */
function sample(row: GlobalOption, index: number): string {
  if (row.choices) return row.choices[index]!;
  if (row.parse) return String(index + 2); // --timeout: seconds
  return `value-${index}`;
}

/** What the flag alone (through Commander, as typed) resolves to; `sample(row, index)` for a flag with a value. */
function fromFlag(row: GlobalOption, index: number, env: Record<string, string> = {}): unknown {
  const program = new Command().exitOverride();
  addGlobalOptions(program);
  const name = row.flag.split(' ')[0]!;
  program.parse(takesValue(row) ? [name, sample(row, index)] : [name], { from: 'user' });
  return field(resolveSettings(program.opts(), env), row);
}

describe.each(ROWS.map((row) => [row.flag, row] as const))('%s', (_flag, row) => {
  const unset = field(resolveSettings({}, {}), row);

  it('each variable in turn, in priority order, acts as the flag; earlier empty ones count as unset', () => {
    row.env.forEach((_name, first) => {
      const env = Object.fromEntries(row.env.map((name, index) => [name, index < first ? '' : takesValue(row) ? sample(row, index) : 'on']));
      const expected = fromFlag(row, first);
      expect(expected).not.toEqual(unset);
      expect(field(resolveSettings({}, env), row), `${row.env[first]} with ${JSON.stringify(env)}`).toEqual(expected);
    });
  });

  it('the flag beats every variable', () => {
    // A variable the flag must hide: one the setting would reject, or a switch's "off".
    const env = Object.fromEntries(row.env.map((name) => [name, takesValue(row) ? 'from-the-variable' : '0']));
    expect(fromFlag(row, 0, env)).toEqual(fromFlag(row, 0));
  });
});

describe('switch variables', () => {
  it.each(SWITCHES.map((row) => [row.env[0], row] as const))('%s: 1/true/yes/on (any case) is on; anything else is off', (name, row) => {
    const on = fromFlag(row, 0);
    for (const value of ['1', 'true', 'YES', 'On']) expect(field(resolveSettings({}, { [name]: value }), row)).toEqual(on);
    for (const value of ['', '0', 'no', 'off', 'enabled']) expect(field(resolveSettings({}, { [name]: value }), row)).not.toEqual(on);
  });

  it('debugRequested, which main asks before parsing, follows the same rule as the settings', () => {
    expect(debugRequested(['volume', 'list', '--debug'], {})).toBe(true);
    expect(debugRequested(['volume', 'list'], { UCINDER_DEBUG: 'on' })).toBe(true);
    expect(debugRequested(['volume', 'list'], { UCINDER_DEBUG: 'no' })).toBe(false);
    expect(debugRequested(['volume', 'list'], {})).toBe(false);
  });
});

describe('views of the table', () => {
  it('--help names every variable each option reads, in priority order', async () => {
    const { agent } = newAgent();
    const help = (await run(['--help'], agent)).stdout.replace(/\s+/g, ' ');
    for (const row of ROWS) expect(help).toContain(`${row.help} [env: ${row.env.join(', ')}`);
  });

  it.each(GENERATED_SECTIONS.map((section) => [section.name, section] as const))("docs/configuration.md's %s table is the generated one", (_name, section) => {
    const doc = readFileSync(join(import.meta.dirname, '../../../', CONFIGURATION_DOC), 'utf8');
    expect(sectionText(doc, section.name), `${CONFIGURATION_DOC} is out of date: run \`npm run docs:options\``).toBe(`\n${section.table()}\n`);
  });
});
