import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bashComplete, generated, stubProgramDir, writeScript } from './helpers.js';
import { tempDir } from '../helpers/harness.js';

describe('bash completion (the generated script in a real bash)', () => {
  let script: string;
  beforeAll(async () => {
    script = writeScript(tempDir('bash'), 'ucinder.bash', await generated('bash'));
  });
  const complete = (...words: string[]) => bashComplete(script, words);

  it('completes commands and subcommands', () => {
    expect(complete('ucinder', 'vol')).toEqual(['volume']);
    expect(complete('ucinder', 'volume', '')).toEqual(expect.arrayContaining(['create', 'list', 'show', 'delete', 'type', 'service']));
    expect(complete('ucinder', 'volume', 'type', 'li')).toEqual(['list']);
    expect(complete('ucinder', 'completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh']));
    expect(complete('ucinder', 'completion', '')).not.toContain('names');
  });

  it('completes choices after -f, --quote and --os-auth-type, in every spelling', () => {
    expect(complete('ucinder', 'volume', 'list', '-f', '')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    expect(complete('ucinder', 'volume', 'show', '-f', '')).toEqual(['table', 'json', 'yaml', 'value', 'shell']);
    expect(complete('ucinder', 'volume', 'list', '--quote', 'n')).toEqual(['none', 'nonnumeric']);
    // bash hands over `--format=j` as three words: '--format' '=' 'j'.
    expect(complete('ucinder', 'volume', 'list', '--format', '=', 'j')).toEqual(['json']);
    expect(complete('ucinder', 'volume', 'list', '--format', '=')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    expect(complete('ucinder', 'volume', 'list', '--format=y')).toEqual(['--format=yaml']);
    expect(complete('ucinder', '--os-auth-type', '')).toEqual(['noauth', 'admin_token', 'token_endpoint', 'password', 'v3password', 'v3applicationcredential', 'v3token', 'token']);
    expect(complete('ucinder', 'volume', 'list', '--os-auth-type', 'a')).toEqual(['admin_token']);
  });

  it("completes the command's own flags plus the global ones, and skips option values while walking", () => {
    expect(complete('ucinder', 'volume', 'list', '--so')).toEqual(['--sort-column', '--sort-ascending', '--sort-descending']);
    expect(complete('ucinder', 'volume', 'create', '--os-e')).toEqual(['--os-endpoint']);
    // `json` is -f's value, not a subcommand or a positional.
    expect(complete('ucinder', '--os-endpoint', 'http://x:8776', 'volume', 'list', '-f', 'json', '--li')).toEqual(['--limit']);
    expect(complete('ucinder', 'volume', 'create', '--size', '1', '--ty')).toEqual(['--type']);
  });

  it('completes command words after help, at any depth', () => {
    expect(complete('ucinder', 'help', 'vol')).toEqual(['volume']);
    expect(complete('ucinder', 'help', 'volume', 'ty')).toEqual(['type']);
    expect(complete('ucinder', 'help', 'volume', 'type', 'li')).toEqual(['list']);
    // Commander's own `volume help [command]` starts below volume.
    expect(complete('ucinder', 'volume', 'help', 'cr')).toEqual(['create']);
  });

  it("offers the command's columns after -c and --sort-column (escaped when they hold spaces)", () => {
    expect(complete('ucinder', 'volume', 'list', '-c', '')).toEqual(expect.arrayContaining(['ID', 'Name', 'Status', 'Size', 'Attached\\ to', 'Type', 'Host']));
    expect(complete('ucinder', 'volume', 'list', '-c', 'Att')).toEqual(['Attached\\ to']);
    expect(complete('ucinder', 'volume', 'backup', 'list', '--sort-column', 'Vol')).toEqual(['Volume']);
    expect(complete('ucinder', 'status', '--column', 'S')).toEqual(['Severity', 'Since']);
  });

  it('offers no flag a command does not take: --keep-going only where batch mode runs', () => {
    expect(complete('ucinder', 'volume', 'list', '--k')).toEqual([]);
    expect(complete('ucinder', '--k')).toEqual(['--keep-going']);
    expect(complete('ucinder', 'shell', '--k')).toEqual(['--keep-going']);
    expect(complete('ucinder', 'volume', 'service', 'set', '--')).not.toContain('--host');
  });

  it('offers nothing for free-text values', () => {
    expect(complete('ucinder', 'volume', 'create', '')).toEqual([]);
    expect(complete('ucinder', 'volume', 'list', '--limit', '')).toEqual([]);
  });

  describe('resource names (asked of `ucinder completion names <kind>`)', () => {
    const stubDir = stubProgramDir();
    const log = join(tempDir('stub-log'), 'calls');
    const withNames = (names: string[]) => ({
      ...process.env,
      PATH: `${stubDir}:${process.env.PATH}`,
      UCINDER_STUB_LOG: log,
      UCINDER_STUB_NAMES: names.map((name) => `${name}\n`).join(''),
    });
    const lastCall = () => readFileSync(log, 'utf8').trim().split('\n').at(-1);

    it('asks for the kind the argument names and filters by what was typed', () => {
      const env = withNames(['vol-a', 'vol-b', 'other']);
      expect(bashComplete(script, ['ucinder', 'volume', 'show', ''], env)).toEqual(['vol-a', 'vol-b', 'other']);
      expect(lastCall()).toBe('completion names volume');
      expect(bashComplete(script, ['ucinder', 'volume', 'show', 'vol'], env)).toEqual(['vol-a', 'vol-b']);
    });

    it('keeps completing names for a variadic argument', () => {
      const env = withNames(['vol-a', 'vol-b']);
      expect(bashComplete(script, ['ucinder', 'volume', 'delete', 'vol-a', 'vol-'], env)).toEqual(['vol-a', 'vol-b']);
      expect(lastCall()).toBe('completion names volume');
    });

    it("uses the option's kind for --type, --source and --host", () => {
      const env = withNames(['mmj', 'mmj2']);
      expect(bashComplete(script, ['ucinder', 'volume', 'create', '--type', 'mmj'], env)).toEqual(['mmj', 'mmj2']);
      expect(lastCall()).toBe('completion names type');
      bashComplete(script, ['ucinder', 'volume', 'create', '--source', ''], env);
      expect(lastCall()).toBe('completion names volume');
      bashComplete(script, ['ucinder', 'volume', 'service', 'list', '--host', ''], env);
      expect(lastCall()).toBe('completion names host');
    });

    it('passes global options from the line on, so names come from the same cloud', () => {
      const env = withNames(['v']);
      bashComplete(script, ['ucinder', '--os-endpoint', 'http://other:8776', 'volume', '--insecure', 'show', ''], env);
      expect(lastCall()).toBe('--os-endpoint http://other:8776 --insecure completion names volume');
    });

    it('escapes names that hold spaces', () => {
      const env = withNames(['my vol', 'plain']);
      expect(bashComplete(script, ['ucinder', 'volume', 'show', 'my'], env)).toEqual(['my\\ vol']);
    });
  });
});
