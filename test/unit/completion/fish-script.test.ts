import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fishComplete, fishCompleteDescribed, generated, requireFish, stubProgramDir, writeScript } from './helpers.js';
import { tempDir } from '../helpers/harness.js';

// These run fish's own completion (`complete -C`, what a TAB does) with the
// generated ucinder.fish autoloaded from a completions directory, as fish
// loads an installed one; a stand-in `ucinder` on $PATH answers name lookups.
describe('fish completion (the generated ucinder.fish in a real fish)', () => {
  let dir: string;
  const log = join(tempDir('fish-stub-log'), 'calls');
  const stubDir = stubProgramDir();
  const withNames = (names: string[]) => ({
    ...process.env,
    PATH: `${stubDir}:${process.env.PATH}`,
    HOME: tempDir('fish-home'),
    UCINDER_STUB_LOG: log,
    UCINDER_STUB_NAMES: names.map((name) => `${name}\n`).join(''),
  });
  const lastCall = () => readFileSync(log, 'utf8').trim().split('\n').at(-1);
  beforeAll(async () => {
    requireFish();
    dir = tempDir('fish');
    writeScript(dir, 'ucinder.fish', await generated('fish'));
  });
  const complete = (line: string, names: string[] = []) => fishComplete(dir, line, withNames(names));

  it('is valid fish', () => {
    expect(() => execFileSync('fish', ['--no-execute', join(dir, 'ucinder.fish')], { encoding: 'utf8' })).not.toThrow();
  });

  it('completes commands and subcommands, with their summaries', () => {
    expect(complete('ucinder vol')).toEqual(['volume']);
    expect(complete('ucinder volume ')).toEqual(expect.arrayContaining(['create', 'list', 'show', 'delete', 'type', 'service']));
    expect(complete('ucinder volume cr')).toEqual(['create']);
    expect(fishCompleteDescribed(dir, 'ucinder volume cr', withNames([]))).toEqual(['create\tCreate a volume']);
    expect(complete('ucinder volume type li')).toEqual(['list']);
    expect(complete('ucinder completion ')).toEqual(['bash', 'zsh', 'fish', 'help']);
  });

  it('completes choices after -f, --quote and --os-auth-type, in every spelling', () => {
    expect(complete('ucinder volume list -f ')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    expect(complete('ucinder volume show -f ')).toEqual(['table', 'json', 'yaml', 'value', 'shell']);
    expect(complete('ucinder volume list --quote n')).toEqual(['none', 'nonnumeric']);
    expect(complete('ucinder volume list --format=y')).toEqual(['--format=yaml']);
    expect(complete('ucinder --os-auth-type ')).toEqual(['noauth', 'admin_token', 'token_endpoint', 'password', 'v3password', 'v3applicationcredential', 'v3token', 'token']);
    expect(complete('ucinder volume list --os-auth-type a')).toEqual(['admin_token']);
  });

  it("completes the command's own flags plus the global ones, with descriptions, and skips option values while walking", () => {
    expect(complete('ucinder volume list --so')).toEqual(['--sort-column', '--sort-ascending', '--sort-descending']);
    expect(complete('ucinder volume create --os-e')).toEqual(['--os-endpoint']);
    expect(fishCompleteDescribed(dir, 'ucinder volume create --wait-t', withNames([]))).toEqual(['--wait-timeout\tgive up waiting after this long (default 600)']);
    // `json` is -f's value, not a subcommand or a positional.
    expect(complete('ucinder --os-endpoint http://x:8776 volume list -f json --li')).toEqual(['--limit']);
    expect(complete('ucinder volume create --size 1 --ty')).toEqual(['--type']);
  });

  it("offers the command's columns after -c; --keep-going only where batch mode runs", () => {
    expect(complete('ucinder volume list -c ')).toEqual(expect.arrayContaining(['ID', 'Name', 'Status', 'Attached to']));
    expect(complete('ucinder volume list -c Att')).toEqual(['Attached to']);
    // fish also matches inside a word: --marker and --filter hold a k.
    expect(complete('ucinder volume list --k')).not.toContain('--keep-going');
    expect(complete('ucinder --k')).toContain('--keep-going');
    expect(complete('ucinder shell --k')).toContain('--keep-going');
  });

  it('completes command words after help, at any depth', () => {
    expect(complete('ucinder help vol')).toEqual(['volume']);
    expect(complete('ucinder help volume ty')).toEqual(['type']);
    expect(complete('ucinder help volume type li')).toEqual(['list']);
    // Commander's own `volume help [command]` starts below volume.
    expect(complete('ucinder volume help cr')).toEqual(['create']);
  });

  it('offers nothing for free-text values, and files for a file', () => {
    expect(complete('ucinder volume create ')).toEqual([]);
    expect(complete('ucinder volume list --limit ')).toEqual([]);
    const files = tempDir('fish-files');
    writeScript(files, 'ca-bundle.pem', '');
    expect(complete(`ucinder --os-cacert ${files}/ca`)).toEqual([`${files}/ca-bundle.pem`]);
    expect(complete(`ucinder --os-cacert=${files}/ca`)).toEqual([`--os-cacert=${files}/ca-bundle.pem`]);
  });

  describe('resource names (asked of `ucinder completion names <kind>`)', () => {
    it('asks for the kind the argument names and offers those with the typed prefix', () => {
      expect(complete('ucinder volume show ', ['vol-a', 'vol-b', 'other'])).toEqual(['vol-a', 'vol-b', 'other']);
      expect(lastCall()).toBe('completion names volume');
      expect(complete('ucinder volume show vol', ['vol-a', 'vol-b', 'other'])).toEqual(['vol-a', 'vol-b']);
    });

    it('keeps completing names for a variadic argument', () => {
      expect(complete('ucinder volume delete vol-a vol-', ['vol-a', 'vol-b'])).toEqual(['vol-a', 'vol-b']);
      expect(lastCall()).toBe('completion names volume');
    });

    it("uses the option's kind for --type, --source and --host", () => {
      expect(complete('ucinder volume create --type mmj', ['mmj', 'mmj2'])).toEqual(['mmj', 'mmj2']);
      expect(lastCall()).toBe('completion names type');
      complete('ucinder volume create --source ', ['v']);
      expect(lastCall()).toBe('completion names volume');
      complete('ucinder volume service list --host ', ['h']);
      expect(lastCall()).toBe('completion names host');
    });

    it('passes global options from the line on, so names come from the same cloud', () => {
      complete('ucinder --os-endpoint http://other:8776 volume --insecure show ', ['v']);
      expect(lastCall()).toBe('--os-endpoint http://other:8776 --insecure completion names volume');
    });

    it('offers names that hold spaces as one candidate', () => {
      expect(complete('ucinder volume show my', ['my vol', 'plain'])).toEqual(['my vol']);
    });
  });
});
