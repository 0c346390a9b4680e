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
  const section = readFileSync(join(ROOT, MAP_FILE), 'utf8');
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
  const flags = (firstFlag < 0 ? [] : tokens.slice(firstFlag))
    .filter((token) => token.startsWith('--'))
    .map((token) => token.split('|').map((flag) => flag.replace(/…$/, '')));
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
    expect(commands.filter((command) => !mapped.has(command)), `${client} commands missing from docs/coming-from-openstack.md`).toEqual([]);
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
});
