import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generated, requireZsh, stubProgramDir, writeScript, zshComplete } from './helpers.js';
import { tempDir } from '../helpers/harness.js';

// These drive zsh's own completion system: an interactive zsh in a
// pseudo-terminal runs compinit with the generated _ucinder on $fpath, the line
// is typed and TAB pressed, and the candidates zsh's compadd received are
// captured (zsh-capture.zsh). So they test autoloading from $fpath, #compdef
// registration and the function itself; not how zsh then lays out the menu.
describe('zsh completion (the generated _ucinder in a real zsh)', () => {
  let dir: string;
  beforeAll(async () => {
    requireZsh();
    dir = tempDir('zsh');
    writeScript(dir, '_ucinder', await generated('zsh'));
    // Builds compinit's dump once; every later zsh loads it in a fraction of the time.
    complete('ucinder ');
  }, 120_000);
  const complete = (line: string, env?: NodeJS.ProcessEnv) => zshComplete(dir, line, env);

  it('is valid zsh', () => {
    expect(() => execFileSync('zsh', ['-n', join(dir, '_ucinder')], { encoding: 'utf8' })).not.toThrow();
  });

  it('completes commands and subcommands', () => {
    expect(complete('ucinder vol')).toEqual(['volume']);
    expect(complete('ucinder volume ')).toEqual(expect.arrayContaining(['create', 'list', 'show', 'delete', 'type', 'service']));
    expect(complete('ucinder volume type li')).toEqual(['list']);
    expect(complete('ucinder help volume ty')).toEqual(['type']);
  }, 60_000);

  it("offers the command's columns after -c; --keep-going only where batch mode runs", () => {
    expect(complete('ucinder volume list -c ')).toEqual(expect.arrayContaining(['ID', 'Name', 'Status', 'Attached to']));
    expect(complete('ucinder volume list -c Att')).toEqual(['Attached to']);
    expect(complete('ucinder volume list --k')).toEqual([]);
    expect(complete('ucinder --k')).toEqual(['--keep-going']);
  }, 60_000);

  it('completes choices and flags', () => {
    expect(complete('ucinder volume list -f ')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    expect(complete('ucinder volume list --format=y')).toEqual(['yaml']);
    expect(complete('ucinder volume list --quote n')).toEqual(['none', 'nonnumeric']);
    expect(complete('ucinder --os-auth-type ')).toEqual(['noauth', 'admin_token', 'token_endpoint', 'password', 'v3password', 'v3applicationcredential', 'v3token', 'token']);
    expect(complete('ucinder volume list --sort-')).toEqual(expect.arrayContaining(['--sort-column', '--sort-ascending', '--sort-descending']));
  }, 60_000);

  it("asks `ucinder completion names <kind>` for resource names, with the line's global options", () => {
    const log = join(tempDir('zsh-stub-log'), 'calls');
    const env = {
      ...process.env,
      PATH: `${stubProgramDir()}:${process.env.PATH}`,
      UCINDER_STUB_LOG: log,
      UCINDER_STUB_NAMES: 'vol-a\nvol-b\nother\n',
    };
    expect(complete('ucinder volume show vol', env)).toEqual(['vol-a', 'vol-b']);
    expect(complete('ucinder --os-project-id p1 volume create --type ', env)).toEqual(['vol-a', 'vol-b', 'other']);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toEqual(['completion names volume', '--os-project-id p1 completion names type']);
  }, 60_000);
});
