import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { belongsInHistory } from '../../../src/shell/history-filter.js';
import { HISTORY_LIMIT, HistoryFile, historyPath } from '../../../src/state/history-file.js';
import { tempDir } from '../helpers/harness.js';

describe('which lines reach the history', () => {
  it('plain commands do', () => {
    expect(belongsInHistory('volume list --long')).toBe(true);
    expect(belongsInHistory('use project demo')).toBe(true);
  });

  it.each([
    'volume list --os-password hunter2',
    'volume list --os-password=hunter2',
    'token issue --os-token gAAAA',
    "volume list --os-application-credential-secret 's e c'",
    'volume transfer request accept --auth-key 0123abcd id',
    // Quoting a flag's letters does not hide it.
    `volume list '--os-pass'word x`,
    // A line the splitter refuses is judged on its text.
    'volume list --os-token "unterminated',
  ])('a line carrying a secret does not: %s', (line) => {
    expect(belongsInHistory(line)).toBe(false);
  });

  it('neither do blank lines, nor a line starting with a space (kept out on purpose, as in bash)', () => {
    expect(belongsInHistory('')).toBe(false);
    expect(belongsInHistory('   ')).toBe(false);
    expect(belongsInHistory(' volume delete secret-project-vol')).toBe(false);
  });
});

describe('the history file', () => {
  it('lives in $XDG_STATE_HOME/ucinder/history (UCINDER_STATE_DIR wins)', () => {
    expect(historyPath({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/ucinder/history');
    expect(historyPath({ HOME: '/h' })).toBe('/h/.local/state/ucinder/history');
    expect(historyPath({ UCINDER_STATE_DIR: '/u', XDG_STATE_HOME: '/s' })).toBe('/u/history');
  });

  it('is created with mode 0600 in a 0700 directory, and lines are appended in order', async () => {
    const dir = join(tempDir('history'), 'state', 'ucinder');
    const file = new HistoryFile(join(dir, 'history'));
    expect(await file.load()).toEqual([]);
    // The appends run in a process whose umask is 0 (a worker thread cannot
    // change it): a mode left to the umask would show as 0666 and 0777.
    appendWithUmaskZero(file.path, ['volume list', 'volume show v1']);
    expect(readFileSync(file.path, 'utf8')).toBe('volume list\nvolume show v1\n');
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await file.load()).toEqual(['volume list', 'volume show v1']);
  });

  it('is cut back to its last N lines when loaded, and a looser mode is narrowed to 0600', async () => {
    const path = join(tempDir('history'), 'history');
    writeFileSync(path, Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n') + '\n', { mode: 0o644 });
    const file = new HistoryFile(path, 5);
    expect(await file.load()).toEqual(['line 7', 'line 8', 'line 9', 'line 10', 'line 11']);
    expect(readFileSync(path, 'utf8')).toBe('line 7\nline 8\nline 9\nline 10\nline 11\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);

    writeFileSync(path, 'a\nb\n', { mode: 0o644 });
    await new HistoryFile(path, 5).load();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps 1000 lines by default', () => {
    expect(HISTORY_LIMIT).toBe(1000);
  });
});

/** Appends `lines` to the history at `path` from a child process running with umask 0. */
function appendWithUmaskZero(path: string, lines: string[]): void {
  const script = join(tempDir('history-umask'), 'append.mjs');
  buildSync({
    stdin: {
      contents: `import { HistoryFile } from './src/state/history-file.ts';
process.umask(0);
const file = new HistoryFile(process.argv[2]);
for (const line of process.argv.slice(3)) await file.append(line);`,
      resolveDir: resolve(import.meta.dirname, '../../..'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent',
  });
  execFileSync(process.execPath, [script, path, ...lines]);
}
