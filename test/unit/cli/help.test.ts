import { describe, expect, it } from 'vitest';
import { VERSION } from '../../../src/version.js';
import { newAgent, run } from '../helpers/harness.js';

describe('help and version', () => {
  const { agent } = newAgent();

  it('--version prints the version, exit 0', async () => {
    expect(await run(['--version'], agent)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help prints the top-level help, exit 0', async () => {
    const result = await run(['--help'], agent);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: ucinder \[options\] \[command\]\n/);
    expect(result.stdout).toContain('--os-volume-api-version <3.N>');
    expect(result.stdout).toContain('$ ucinder help volume create');
  });

  it('help volume create prints the nested command help, exit 0', async () => {
    const result = await run(['help', 'volume', 'create'], agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ucinder volume create \[options\] <name>\n/);
    expect(result.stdout).toContain('--size <GiB>');
    expect(result.stdout).toContain('$ ucinder volume create --size 1 --type mmj2 --wait vol1');
  });

  it("a leaf's help shows its own options and examples, the global options as one line pointing at ucinder --help", async () => {
    const { stdout } = await run(['volume', 'create', '--help'], agent);
    const root = (await run(['--help'], agent)).stdout;
    // The root lists every global option as its own; -h/--help is every command's.
    const globalFlags = [...root.slice(root.indexOf('\nOptions:\n'), root.indexOf('\nCommands:\n')).matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)]
      .map((match) => match[1]!)
      .filter((flag) => flag !== '--help');
    expect(globalFlags.length).toBeGreaterThan(30);
    expect(globalFlags).toContain('--os-auth-url');
    const sections = stdout.split(/\n(?=[A-Z][a-z]+(?: [A-Z][a-z]+)*:\n)/).map((section) => section.split('\n')[0]);
    expect(sections).toEqual(['Usage: ucinder volume create [options] <name>', 'Options:', 'Global Options:', 'Examples:']);
    expect(stdout).toContain(`\nGlobal Options:\n  --os-cloud, --os-endpoint, --debug and ${globalFlags.length - 3} more: see 'ucinder --help'\n\n`);
    for (const flag of globalFlags.filter((flag) => !['--os-cloud', '--os-endpoint', '--debug'].includes(flag))) {
      expect(stdout, `volume create --help lists the global ${flag}`).not.toMatch(new RegExp(`^ {2}${flag}\\b`, 'm'));
    }
    expect(stdout).toMatch(/^ {2}--wait-timeout <seconds> /m);
    expect(globalFlags.every((flag) => new RegExp(`^ {2}(-\\w, )?${flag}\\b`, 'm').test(root))).toBe(true);
    // Narrow enough for a terminal: the global options no longer widen the columns.
    expect(stdout.split('\n').filter((line) => line.length > 80 && !line.startsWith('  $ '))).toEqual([]);
  });

  it('ucinder --help still lists every global option with its description', async () => {
    const { stdout } = await run(['--help'], agent);
    expect(stdout).not.toContain('Global Options:');
    expect(stdout).toMatch(/^ {2}--os-auth-url <url> +Keystone URL/m);
    expect(stdout).toMatch(/^ {2}--debug +log requests and responses/m);
  });

  it("a noun's help lists its subcommands briefly, with the global options as one line", async () => {
    const { stdout, code } = await run(['volume', '--help'], agent);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ucinder volume \[options\] \[command\]\n/);
    expect(stdout).toMatch(/^ {2}create <name> +Create a volume$/m);
    expect(stdout).toMatch(/^ {2}list +List volumes$/m);
    expect(stdout).toMatch(/^ {2}type +Volume types$/m);
    expect(stdout).not.toContain('[options] <name>');
    expect(stdout).not.toContain('--os-auth-url');
    expect(stdout).toContain('\nGlobal Options:\n  --os-cloud, --os-endpoint, --debug and ');
  });

  it('help volume create is the same text as volume create --help', async () => {
    const viaHelp = await run(['help', 'volume', 'create'], agent);
    const viaFlag = await run(['volume', 'create', '--help'], agent);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toBe(viaHelp.stdout);
  });

  it('help reaches three levels (volume type create) and the shortcuts', async () => {
    const nested = await run(['help', 'volume', 'type', 'create'], agent);
    expect(nested.stdout).toMatch(/^Usage: ucinder volume type create \[options\] <name>\n/);
    const shortcut = await run(['help', 'service', 'list'], agent);
    expect(shortcut.stdout).toMatch(/^Usage: ucinder service list \[options\]\n/);
  });

  it('help nosuch is a usage error, exit 2', async () => {
    const result = await run(['help', 'nosuch'], agent);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // Other commands join the tree over time; the line names the level's commands.
    expect(result.stderr).toMatch(/^ucinder: unknown command 'nosuch': 'nosuch' is not one of volume, type, service, [a-z, -]*help\n$/);
  });

  it('help volume nosuch names the level that failed', async () => {
    const result = await run(['help', 'volume', 'nosuch'], agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ucinder: unknown command 'volume nosuch': 'nosuch' is not one of create, list, show, delete, [a-z, -]*\n$/);
    expect(result.stderr).toContain('type, service');
  });
});

describe('bare invocations', () => {
  const { agent } = newAgent();

  it('help alone prints the top-level help on stdout, exit 0', async () => {
    const result = await run(['help'], agent);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ucinder \[options\] \[command\]\n/);
  });

  it('no command prints the help on stderr, exit 2', async () => {
    const result = await run([], agent);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: ucinder \[options\] \[command\]\n/);
  });

  it('a noun without a verb prints its help on stderr, exit 2', async () => {
    const result = await run(['volume'], agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: ucinder volume \[options\] \[command\]\n/);
  });

  it('an option missing its value is a usage error', async () => {
    const result = await run(['volume', 'list', '-c'], agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: option '-c, --column <name>' argument missing\n");
  });
});
