import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCloud } from '../../../src/auth/clouds/apply-cloud.js';
import { loadCloud } from '../../../src/auth/clouds/clouds-config.js';
import { parseYamlFile } from '../../../src/auth/clouds/parse-yaml-file.js';
import { resolveSettings } from '../../../src/cli/settings.js';
import { UsageError } from '../../../src/errors.js';
import { readCloudsFiles } from '../../../src/state/clouds-files.js';
import { mockCloud, privateHome, runWithCache } from './keystone-helpers.js';

/** The cloud `c` of a clouds.yaml with this text, applied to empty settings. */
async function applied(yaml: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'ucinder-pyyaml-'));
  writeFileSync(join(cwd, 'clouds.yaml'), yaml);
  const cloud = await loadCloud('c', await readCloudsFiles({ HOME: cwd }, cwd));
  return applyCloud(resolveSettings({}, {}), cloud);
}

/** The value of `v:` in a one-line document. */
async function valueOf(scalar: string) {
  return ((await parseYamlFile('/x/clouds.yaml', `v: ${scalar}\n`)) as { v: unknown }).v;
}

describe('clouds.yaml scalars typed as PyYAML safe_load types them (YAML 1.1)', () => {
  it('keeps !!str and quoted digits as written; reads unquoted 0123 as octal 83, as openstacksdk does', async () => {
    const settings = await applied(`clouds:
  c:
    auth:
      password: !!str 0123
      project_id: "0456"
      user_id: 0123
`);
    expect(settings.auth).toMatchObject({ password: '0123', projectId: '0456', userId: '83' });
    // openstacksdk str()s IDs and names: project_id: 0123 is project '83' there too.
    expect((await applied('clouds:\n  c:\n    auth:\n      project_id: 0123\n      password: 0123\n')).auth).toMatchObject({ projectId: '83', password: '83' });
  });

  it.each([
    ['yes', true],
    ['No', false],
    ['on', true],
    ['OFF', false],
    ['True', true],
    ['false', false],
    // yaml's own 1.1 schema would make booleans of these; PyYAML does not.
    ['y', 'y'],
    ['n', 'n'],
    ['Y', 'Y'],
    ['~', null],
    ['null', null],
    ['', null],
    ['"123"', '123'],
    ["'3.10'", '3.10'],
    ['!!str 3.10', '3.10'],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['-017', -15],
    ['12:30', 750],
    // Not integers for PyYAML (a leading 0 with 8 or 9; base 60 starting 0).
    ['089', '089'],
    ['0:30', '0:30'],
    // PyYAML floats need a dot and a signed exponent: 1e3 and hex IDs of digits and one e stay text.
    ['1e3', '1e3'],
    ['12345e67890123456789012345678901', '12345e67890123456789012345678901'],
    ['1.5e+3', 1500],
    ['3.50', 3.5],
    ['.5', 0.5],
    ['.inf', 'inf'],
    // Python ints are exact; a JavaScript number would round this all-digit ID.
    ['12345678901234567890123456789012', '12345678901234567890123456789012'],
    // PyYAML makes a date of it; str() of that date (all openstacksdk does with it) is the same text.
    ['2024-01-01', '2024-01-01'],
  ])('v: %s', async (scalar, expected) => {
    expect(await valueOf(scalar)).toEqual(expected);
  });

  it('turns verify: no into --insecure, and a verify path into the CA file', async () => {
    expect((await applied('clouds:\n  c:\n    verify: no\n')).insecure).toBe(true);
    expect((await applied('clouds:\n  c:\n    verify: yes\n')).insecure).toBe(false);
    expect((await applied('clouds:\n  c:\n    verify: /etc/ca.pem\n')).cacertFile).toBe('/etc/ca.pem');
  });

  it('resolves anchors, aliases and merge keys; a key of its own beats a merged one', async () => {
    const document = await parseYamlFile(
      '/x/clouds.yaml',
      `base: &base
  auth_type: password
  region_name: RegionOne
  auth: &auth {auth_url: "http://k:5000/v3", username: u}
extra: &extra
  region_name: RegionTwo
  interface: internal
clouds:
  c:
    region_name: Mine
    <<: *base
    auth: *auth
  d:
    <<: [*extra, *base]
`,
    );
    expect(document).toMatchObject({
      clouds: {
        c: { auth_type: 'password', region_name: 'Mine', auth: { auth_url: 'http://k:5000/v3', username: 'u' } },
        // In a list of merges the earlier mapping wins, as in PyYAML.
        d: { auth_type: 'password', region_name: 'RegionTwo', interface: 'internal' },
      },
    });
  });

  it('reads a file with many clouds merging the same defaults', async () => {
    const clouds = Array.from({ length: 300 }, (_, i) => `  c${i}:\n    <<: *defaults\n    auth: {username: u${i}}\n`).join('');
    const document = (await parseYamlFile('/x/clouds.yaml', `defaults: &defaults {interface: internal}\nclouds:\n${clouds}`)) as {
      clouds: Record<string, unknown>;
    };
    expect(Object.keys(document.clouds)).toHaveLength(300);
    expect(document.clouds.c299).toEqual({ interface: 'internal', auth: { username: 'u299' } });
  });

  it('takes the last of a repeated key, as PyYAML does', async () => {
    expect(await parseYamlFile('/x/clouds.yaml', 'a: 1\na: 2\n')).toEqual({ a: 2 });
  });
});

describe('a clouds.yaml PyYAML refuses is refused in one line naming the file and line', () => {
  it.each([
    ['a: b: c', 'clouds:\n  c:\n    auth:\n      a: b: c\n', 4, /Nested mappings/],
    ['a tab as indentation', 'clouds:\n\tc: {}\n', 2, /Tabs/],
    ['an unknown tag', 'clouds:\n  c:\n    x: !vault abc\n', 3, /Unresolved tag: !vault/],
    ['an alias with no anchor', 'clouds:\n  c:\n    auth: *nothing\n', 3, /Unresolved alias.*nothing/],
    ['a second document', 'clouds: {}\n---\nclouds: {}\n', 2, /multiple documents/],
    ['a list as a key', 'clouds:\n  ? [a, b]\n  : {}\n', 2, /a key must be plain text/],
  ])('%s', async (_what, yaml, line, reason) => {
    const error = await parseYamlFile('/x/clouds.yaml', yaml).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as UsageError).message;
    expect(message).toMatch(new RegExp(`^/x/clouds\\.yaml line ${line}: `));
    expect(message).toMatch(reason);
    expect(message).not.toContain('\n');
  });

  it('an alias bomb, which has no one line to blame', async () => {
    // Each level aliases the one before ten times: 10^6 copies once expanded.
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [previous, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ]) {
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    await expect(parseYamlFile('/x/clouds.yaml', `${levels.join('\n')}\n`)).rejects.toThrow(
      new UsageError('/x/clouds.yaml: Excessive alias count indicates a resource exhaustion attack'),
    );
  });

  it('prints exactly that line, no stack trace, and exits 2', async () => {
    const home = privateHome();
    const file = join(home.HOME, 'clouds.yaml');
    writeFileSync(file, 'clouds:\n  broken:\n    auth:\n      username: a: b\n');
    const { agent } = mockCloud();
    const run = await runWithCache(['--os-cloud', 'broken', 'volume', 'list'], agent, { ...home, OS_CLIENT_CONFIG_FILE: file });
    expect(run.stderr).toBe(`ucinder: ${file} line 4: Nested mappings are not allowed in compact mappings\n`);
    expect(run.code).toBe(2);
  });
});
