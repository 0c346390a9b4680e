import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { ENDPOINT_ROOT, newAgent, PROJECT, run } from '../helpers/harness.js';
import { transportFor } from '../../../src/http/transport.js';

/** Batch mode with no Cinder at all: the shell's own words send nothing. */
async function batch(input: string) {
  const streams = bufferIOStreams();
  const io = { ...streams.io, console: { input: Readable.from([input]), output: new PassThrough(), inputIsTTY: false } };
  const { agent } = newAgent();
  const transport = { send: transportFor(agent).send, close: async () => undefined };
  const code = await main(['--no-cache'], { io, env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' }, transport });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

describe("the shell's own words", () => {
  it('`help` lists the built-ins, the keys and the command groups, one line each, not the 70-line top-level help', async () => {
    const result = await batch('help\n');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Shell commands:');
    expect(lines).toContain('  use cloud NAME        switch to a cloud of clouds.yaml');
    expect(lines).toContain('  use project NAME|ID   switch project, same credentials (noauth: an ID)');
    expect(lines).toContain('  help [COMMAND...]     this list; help on a command: help volume create');
    expect(lines).toContain('  clear                 clear the screen (Ctrl-L too)');
    expect(lines).toContain('  exit, quit            leave the shell (Ctrl-D too)');
    expect(lines.some((line) => line.startsWith('  Ctrl-R                searches the history'))).toBe(true);
    expect(lines.some((line) => /^ {2}volume +Volumes, volume types and services$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {2}status +/.test(line))).toBe(true);
    // The shell's own words are not listed as groups.
    expect(lines.some((line) => /^ {2}shell +/.test(line))).toBe(false);
    expect(result.stdout).not.toContain('Global Options');
    expect(lines.length).toBeLessThan(50);
  });

  it("`help use` explains use; `help volume show` is the command's own help", async () => {
    const result = await batch('help use\nhelp volume show\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: use cloud NAME \| use project NAME\|ID\n\nswitch cloud, or project with the same credentials\n\nuse cloud NAME {8}later lines/);
    expect(result.stdout).toContain('Usage: ucinder volume show [options] <volume>');
  });

  it('`clear` in batch mode prints nothing and succeeds', async () => {
    expect(await batch('clear\n')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('`ucinder shell --help` names use, help, clear, exit, the history, TAB and Ctrl-R', async () => {
    const { agent } = newAgent();
    const result = await run(['shell', '--help'], agent);
    expect(result.code).toBe(0);
    for (const words of ['use cloud NAME', 'use project NAME|ID', 'help [COMMAND...]', 'clear', 'exit, quit', 'TAB', 'Ctrl-R', 'Up, Down', 'ucinder/history']) {
      expect(result.stdout).toContain(words);
    }
  });
});
