import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, privateHome, ucinder } from '../../support/ucinder-process.js';

/**
 * docs/coming-from-openstack.md maps every block-storage
 * command of both clients to ucinder. Both command lists come from the
 * clients installed on the test bed (openstack's entry points, cinderclient's
 * do_* functions), so a client command missing from the map fails here; and
 * every ucinder command and flag the map names must exist (its --help shows
 * a leaf command that lists the flag).
 */
const DIST_PACKAGES = '/usr/lib/python3/dist-packages';
const MAP_FILE = 'docs/coming-from-openstack.md';
const MAP_HEADING = '# Coming from openstack and cinder';

interface MapRow {
  client: 'openstack' | 'cinder';
  command: string;
  ucinder: string;
}

function readMap(): MapRow[] {
  const section = readFileSync(join(ROOT, MAP_FILE), 'utf8').split(FLAGS_HEADING)[0]!;
  expect(section.startsWith(MAP_HEADING), `${MAP_FILE} starts with "${MAP_HEADING}"`).toBe(true);
  return [...section.matchAll(/^\| `(openstack|cinder) ([^`]+)` \| (.+) \|$/gm)].map((match) => ({
    client: match[1] as MapRow['client'],
    command: match[2]!,
    ucinder: match[3]!,
  }));
}

/** openstack's own command list: the entry points of its volume v3 and common groups. */
function openstackCommands(): string[] {
  const egg = readdirSync(DIST_PACKAGES).find((name) => /^python_openstackclient-.*\.(egg|dist)-info$/.test(name));
  expect(egg, 'python3-openstackclient is installed (the test bed installs it)').toBeDefined();
  const entryPoints = readFileSync(join(DIST_PACKAGES, egg!, 'entry_points.txt'), 'utf8');
  const commands: string[] = [];
  for (const group of ['openstack.volume.v3', 'openstack.common']) {
    const body = entryPoints.split(`[${group}]\n`)[1]?.split(/^\[/m)[0] ?? '';
    for (const line of body.split('\n')) {
      const name = line.split('=')[0]!.trim();
      if (name) commands.push(name.replace(/_/g, ' '));
    }
  }
  return commands;
}

/** cinderclient's own command list: the do_* functions of its v3 shell. */
function cinderCommands(): string[] {
  const commands = new Set<string>();
  for (const file of ['shell.py', 'shell_base.py']) {
    let source: string;
    try {
      source = readFileSync(join(DIST_PACKAGES, 'cinderclient/v3', file), 'utf8');
    } catch {
      continue;
    }
    for (const match of source.matchAll(/^def do_(\w+)\(/gm)) commands.add(match[1]!.replace(/_/g, '-'));
  }
  return [...commands];
}

/** openstack's flags by command, read from its own parsers by the Python that runs openstack (its #! line). */
function openstackFlags(): Record<string, string[][]> {
  const openstack = execFileSync('sh', ['-c', 'command -v openstack'], { encoding: 'utf8' }).trim();
  const python = /^#!\s*(\S+)/.exec(readFileSync(openstack, 'utf8'))![1]!;
  const output = execFileSync(python, [join(ROOT, 'test/integration/parity/openstack-flags.py')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(output) as Record<string, string[][]>;
}

/** The flags the map says ucinder leaves out, with the reason: `| \`openstack volume create\` | \`--consistency-group\` | reason |`. */
function flagsLeftOut(): Map<string, string> {
  const text = readFileSync(join(ROOT, MAP_FILE), 'utf8');
  const section = text.split(FLAGS_HEADING)[1] ?? '';
  const leftOut = new Map<string, string>();
  for (const match of section.matchAll(/^\| `openstack ([^`]+)` \| (.+?) \| (.+) \|$/gm)) {
    for (const flag of match[2]!.matchAll(/`(--[\w-]+)`/g)) leftOut.set(`${match[1]} ${flag[1]}`, match[3]!);
  }
  return leftOut;
}

const FLAGS_HEADING = '## openstack flags ucinder leaves out';

/** `volume set|unset --property` -> the commands (`volume set`, `volume unset`) and flags (`--property`) it names. */
function parseUcinderCell(cell: string): { commands: string[][]; flags: string[][] } {
  const code = /^`ucinder ([^`]+)`$/.exec(cell);
  expect(code, `a map cell is \`ucinder …\` or starts with "—" and a reason: ${cell}`).not.toBeNull();
  const tokens = code![1]!.split(' ');
  const firstFlag = tokens.findIndex((token) => token.startsWith('-'));
  const words = firstFlag < 0 ? tokens : tokens.slice(0, firstFlag);
  let commands: string[][] = [[]];
  for (const word of words.filter((token) => token !== '…')) {
    commands = commands.flatMap((prefix) => word.split('|').map((alternative) => [...prefix, alternative]));
  }
  const flags = (firstFlag < 0 ? [] : tokens.slice(firstFlag)).filter((token) => token.startsWith('--')).map((token) => token.split('|').map((flag) => flag.replace(/…$/, '')));
  return { commands, flags };
}

describe('the map of openstack and cinder commands to ucinder (docs/coming-from-openstack.md)', () => {
  const rows = readMap();

  it.each([
    ['openstack', openstackCommands],
    ['cinder', cinderCommands],
  ] as const)('lists every %s block-storage command', (client, commandsOf) => {
    const mapped = new Set(rows.filter((row) => row.client === client).map((row) => row.command));
    const commands = commandsOf();
    expect(commands.length).toBeGreaterThan(40);
    expect(
      commands.filter((command) => !mapped.has(command)),
      `${client} commands missing from docs/coming-from-openstack.md`,
    ).toEqual([]);
  });

  it('names only ucinder commands and flags that exist; a command left out says why', async () => {
    const env = privateHome();
    const helpOf = new Map<string, Promise<{ code: number | null; stdout: string }>>();
    const help = (words: string[]) => {
      const key = words.join(' ');
      if (!helpOf.has(key)) helpOf.set(key, ucinder([...words, '--help'], env));
      return helpOf.get(key)!;
    };
    const problems: string[] = [];
    for (const row of rows) {
      if (row.ucinder.startsWith('—')) {
        if (row.ucinder.replace(/^—\s*/, '').length < 15) problems.push(`${row.client} ${row.command}: left out without a reason`);
        continue;
      }
      const { commands, flags } = parseUcinderCell(row.ucinder);
      for (const words of commands) {
        const run = await help(words);
        const usage = /^Usage: (.*)$/m.exec(run.stdout)?.[1] ?? '';
        if (run.code !== 0 || !usage.startsWith(`ucinder ${words.join(' ')}`) || usage.endsWith('[command]')) {
          problems.push(`${row.client} ${row.command}: \`ucinder ${words.join(' ')}\` is not a ucinder command`);
          continue;
        }
        for (const alternatives of flags) {
          for (const flag of alternatives) {
            if (!run.stdout.includes(flag)) problems.push(`${row.client} ${row.command}: \`ucinder ${words.join(' ')}\` has no ${flag}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("supports every flag of openstack 6.0's own parsers, or lists it as left out with the reason", async () => {
    const flags = openstackFlags();
    expect(Object.keys(flags).length).toBeGreaterThan(40);
    const leftOut = flagsLeftOut();
    const env = privateHome();
    const helpOf = new Map<string, Promise<string>>();
    const help = (words: string[]) => {
      const key = words.join(' ');
      if (!helpOf.has(key))
        helpOf.set(
          key,
          ucinder([...words, '--help'], env).then((run) => run.stdout),
        );
      return helpOf.get(key)!;
    };
    const missing: string[] = [];
    const stale: string[] = [];
    for (const row of rows.filter((candidate) => candidate.client === 'openstack' && !candidate.ucinder.startsWith('—'))) {
      const helps = await Promise.all(parseUcinderCell(row.ucinder).commands.map(help));
      for (const spellings of flags[row.command] ?? []) {
        const supported = spellings.some((flag) => helps.some((text) => new RegExp(`(^|[\\s,])${flag}(?![\\w-])`, 'm').test(text)));
        const listed = spellings.find((flag) => leftOut.has(`${row.command} ${flag}`));
        if (!supported && !listed) missing.push(`openstack ${row.command} ${spellings.join('|')}`);
        if (supported && listed) stale.push(`openstack ${row.command} ${listed}: ucinder has it now`);
      }
    }
    expect(missing, `openstack flags neither supported nor listed under "${FLAGS_HEADING}" in ${MAP_FILE}`).toEqual([]);
    expect(stale, `flags listed as left out that ucinder supports`).toEqual([]);
    for (const [flag, reason] of leftOut) expect(reason.length, `${flag}: left out without a reason`).toBeGreaterThanOrEqual(15);
  }, 240_000);
});
