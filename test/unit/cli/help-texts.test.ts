import { describe, expect, it } from 'vitest';
import { helpRequestWords } from '../../../src/cli/help-texts.js';

describe('which command lines the stored help answers (helpRequestWords)', () => {
  it('command words, then --help or -h: the words are the key; none is the root', () => {
    expect(helpRequestWords(['--help'])).toBe('');
    expect(helpRequestWords(['-h'])).toBe('');
    expect(helpRequestWords(['volume', 'type', 'create', '--help'])).toBe('volume type create');
    expect(helpRequestWords(['init-connect', '-h'])).toBe('init-connect');
  });

  it('anything else goes to the program: no help flag, the flag not last, an option, a value that is no word', () => {
    for (const argv of [
      [],
      ['volume', 'list'],
      ['--help', 'volume'],
      ['volume', 'list', '--long', '--help'],
      ['--os-cloud', 'prod', 'volume', 'list', '--help'],
      ['volume', 'show', 'Vol_1', '--help'],
      ['volume', 'show', '6f1e3c0a-0000-4000-8000-000000000001', '--help'],
      ['volume', '--help', '--help'],
    ]) {
      expect(helpRequestWords(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
