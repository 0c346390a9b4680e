import { describe, expect, it } from 'vitest';
import { commandWordIndex, firstCommandWord, globalOptionWords } from '../../../src/cli/command-word.js';

describe('the first command word (ucinder alone opens the shell)', () => {
  it('is undefined when only global options (and their values) are given', () => {
    expect(firstCommandWord([])).toBeUndefined();
    expect(firstCommandWord(['--os-cloud', 'prod', '--keep-going', '--no-cache'])).toBeUndefined();
    expect(firstCommandWord(['--os-cloud=prod', '--debug'])).toBeUndefined();
  });

  it('skips the value of a global option, even one spelled like a command', () => {
    expect(firstCommandWord(['--os-cloud', 'shell', 'volume', 'list'])).toBe('volume');
    expect(commandWordIndex(['--os-cloud', 'shell', 'shell'])).toBe(2);
  });

  it('is any other word or flag: a command, --help, --version, an unknown flag', () => {
    expect(firstCommandWord(['--debug', 'shell'])).toBe('shell');
    expect(firstCommandWord(['--help'])).toBe('--help');
    expect(firstCommandWord(['--os-cloud', 'prod', '--version'])).toBe('--version');
    expect(firstCommandWord(['--bogus'])).toBe('--bogus');
    expect(commandWordIndex(['--os-cloud', 'prod'])).toBe(-1);
  });
});

describe('the global options of a command line (what top hands the commands it runs)', () => {
  it('keeps global options and their values wherever they stand, and drops the command and its own options', () => {
    expect(globalOptionWords(['--os-cloud', 'prod', 'top', '--interval', '10', '--all-projects', '--debug', '--timeout=30'])).toEqual([
      '--os-cloud',
      'prod',
      '--debug',
      '--timeout=30',
    ]);
    expect(globalOptionWords(['top', '--os-cloud', 'top'])).toEqual(['--os-cloud', 'top']);
    expect(globalOptionWords(['top'])).toEqual([]);
  });
});
