import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { deleteCreated } from './helpers/cinder-fixtures.js';
import { PtyShell } from './helpers/pty.js';

const PROJECT = testbedEnv().OS_PROJECT_ID!;
/** The prompt names the endpoint's host:port (UCINDER_TESTBED_API_PORT decides it) and the project's first 8 characters. */
const ENDPOINT_HOST = new URL(testbedEnv().OS_ENDPOINT!).host;
const promptFor = (project: string) => `(ucinder ${ENDPOINT_HOST}/${project.slice(0, 8)}) `;
const PROMPT = promptFor(PROJECT);

describe('the interactive shell on a real terminal', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { json } = ucinderWith(env);
  const shared = deleteCreated(afterAll, env);
  const volumeName = uniqueName('it-shell-vol');
  let shell: PtyShell | undefined;

  beforeAll(async () => {
    shared.volumes.push((await json('volume', 'create', '--size', '1', volumeName)).id);
  });
  afterEach(() => shell?.kill());

  it('runs commands, completes, survives errors and Ctrl-C, switches project and keeps a safe history', async () => {
    shell = new PtyShell([], env);
    await shell.expect(PROMPT);

    // TAB completes a command word, then a flag.
    shell.type('volume ty\t');
    await shell.expect('volume type ');
    shell.type('list --lo\t');
    await shell.expect('list --long ');
    shell.type('-f value -c Name\r');
    expect(await shell.expect(PROMPT)).toContain('__DEFAULT__');

    // TAB completes a volume name from the live session.
    shell.type(`volume show ${volumeName.slice(0, -3)}`);
    await shell.tabUntil(volumeName.slice(-3) + ' ');
    shell.type('-f value -c name -c size\r');
    expect(await shell.expect(PROMPT)).toMatch(new RegExp(`\\n${volumeName}\\n1\\n`));

    // An error prints its one line; the shell stays up.
    shell.type('volume show it-shell-no-such-volume\r');
    expect(await shell.expect(PROMPT)).toContain("ucinder: No volume with a name or ID of 'it-shell-no-such-volume' exists.");

    // Ctrl-C stops a --wait and returns to the prompt; the volume goes on being created.
    const waited = uniqueName('it-shell-wait');
    shared.volumes.push(waited);
    shell.type(`volume create --size 1 --wait ${waited}\r`);
    await shell.expect(`Waiting for volume '${waited}' to become available`);
    shell.type('\x03');
    expect(await shell.expect(PROMPT)).toContain(`ucinder: stopped waiting for volume '${waited}'`);
    expect(shell.all).toContain('the operation continues on the server');
    shell.type(`volume show ${waited} -f value -c name\r`);
    expect(await shell.expect(PROMPT)).toContain(`\n${waited}\n`);

    // Ctrl-C at the prompt drops the line being typed.
    shell.type('volume delete everything');
    await shell.expect('volume delete everything');
    shell.type('\x03');
    await shell.expect(`^C\n${PROMPT}`);
    shell.type('volume type list -f value -c Name --os-token admin:' + PROJECT + '\r');
    expect(await shell.expect(PROMPT)).toContain('__DEFAULT__');

    // `use project` switches the session's project: the prompt says so, and commands act there.
    const other = 'fedcba9876543210fedcba9876543210';
    shell.type(`use project ${other}\r`);
    await shell.expect(promptFor(other));
    shell.type('volume list -f value -c Name\r');
    expect(await shell.expect(promptFor(other))).not.toContain(volumeName);
    shell.type(`use project ${PROJECT}\r`);
    await shell.expect(PROMPT);

    shell.type('exit\r');
    expect(await shell.exited).toBe(0);

    const history = join(env.XDG_STATE_HOME, 'ucinder', 'history');
    expect(statSync(history).mode & 0o777).toBe(0o600);
    const lines = readFileSync(history, 'utf8').split('\n');
    expect(lines).toContain('volume type list --long -f value -c Name');
    expect(lines).toContain(`volume show ${volumeName} -f value -c name -c size`);
    expect(lines).toContain(`use project ${other}`);
    expect(lines).toContain('exit');
    expect(readFileSync(history, 'utf8')).not.toContain('--os-token');
    expect(readFileSync(history, 'utf8')).not.toContain('everything');
  });

  it('speaks its own words (banner, help, help use, Ctrl-R, clear, a newline on Ctrl-D); use project follows an endpoint naming the project', async () => {
    // The usual noauth set-up: the project in the endpoint, and in the token.
    const home = { ...env, ...privateHome(), OS_ENDPOINT: `${testbedEnv().OS_ENDPOINT}/v3/${PROJECT}` };
    shell = new PtyShell([], home);
    const opening = await shell.expect(PROMPT);
    expect(opening).toMatch(new RegExp(`^ucinder \\S+ on ${ENDPOINT_HOST}, project ${PROJECT}, API 3\\.\\d+: type "help" for help, "exit" or Ctrl-D to leave\\n`));

    // `help`: the shell's words and keys, then the command groups, one line each.
    shell.type('help\r');
    const help = await shell.expect(PROMPT);
    expect(help).toMatch(/Shell commands:\n {2}use cloud NAME {8}switch to a cloud of clouds\.yaml\n/);
    expect(help).toMatch(/\n {2}clear {17}clear the screen/);
    expect(help).toMatch(/\n {2}Ctrl-R {16}searches the history/);
    expect(help).toMatch(/\n {2}volume +Volumes, volume types and services\n/);
    expect(help.split('\n').length).toBeLessThan(50);
    shell.type('help use\r');
    expect(await shell.expect(PROMPT)).toContain('usage: use cloud NAME | use project NAME|ID');

    // use project: the endpoint's project follows; a name under noauth is refused and changes nothing.
    const other = 'fedcba9876543210fedcba9876543210';
    shell.type(`use project ${other}\r`);
    await shell.expect(promptFor(other));
    shell.type('volume type list -f value -c Name\r');
    const listed = await shell.expect(promptFor(other));
    expect(listed).toContain('__DEFAULT__');
    expect(listed).not.toContain('ucinder:');
    shell.type('use project nosuchproj\r');
    expect(await shell.expect(promptFor(other))).toContain("ucinder: use project 'nosuchproj' is not a project ID");

    // Ctrl-R finds the last line holding what is typed; Enter runs it.
    shell.type('\x12type li');
    await shell.expect("(reverse-i-search)`type li': volume type list -f value -c Name");
    shell.type('\r');
    // The line found comes back under the shell's prompt, then runs.
    await shell.expect(`${promptFor(other)}volume type list -f value -c Name`);
    expect(await shell.expect(promptFor(other))).toContain('__DEFAULT__');

    // `clear` clears the screen.
    shell.type('clear\r');
    await shell.expect(promptFor(other));
    expect(shell.raw).toContain('\x1b[2J');

    // Ctrl-D ends the last prompt's line: the caller's shell prompt starts on a line of its own.
    shell.type('\x04');
    expect(await shell.exited).toBe(0);
    expect(shell.all.endsWith(`${promptFor(other)}\n`)).toBe(true);
  });

  it('Ctrl-D leaves; the next shell recalls the last line with the up arrow', async () => {
    const home = { ...env, ...privateHome() };
    shell = new PtyShell([], home);
    await shell.expect(PROMPT);
    shell.type('volume type list -f value -c Name\r');
    await shell.expect(PROMPT);
    shell.type('\x04');
    expect(await shell.exited).toBe(0);

    shell = new PtyShell(['shell'], home);
    await shell.expect(PROMPT);
    shell.type('\x1b[A');
    await shell.expect('volume type list -f value -c Name');
    shell.type('\r');
    expect(await shell.expect(PROMPT)).toContain('__DEFAULT__');
    shell.type('quit\r');
    expect(await shell.exited).toBe(0);
  });
});

describe('batch mode through pipes', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { json } = ucinderWith(env);
  const shared = deleteCreated(afterAll, env);
  const names = [uniqueName('it-batch-a'), uniqueName('it-batch-b')];

  beforeAll(async () => {
    for (const name of names) shared.volumes.push((await json('volume', 'create', '--size', '1', name)).id);
  });

  it('prints exactly what the same commands print one by one', async () => {
    const lines = [`volume show ${names[0]} -c name -c size -c status`, '', '# comment', `volume show ${names[1]} -f json -c name -c size`];
    const batch = await ucinder([], env, { input: lines.join('\n') + '\n' });
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
    const one = await ucinder(['volume', 'show', names[0]!, '-c', 'name', '-c', 'size', '-c', 'status'], env);
    const two = await ucinder(['volume', 'show', names[1]!, '-f', 'json', '-c', 'name', '-c', 'size'], env);
    expect(batch.stdout).toBe(one.stdout + two.stdout);
    expect(batch.stdout).toContain(names[0]);
  });

  it('`ucinder shell` stops at the first failing line, naming it, with its exit code', async () => {
    const input = [`volume show ${names[0]} -f value -c name`, 'volume show it-batch-no-such-volume', `volume show ${names[1]} -f value -c name`].join('\n');
    const run = await ucinder(['shell'], env, { input });
    expect(run.stdout).toBe(`${names[0]}\n`);
    expect(run.stderr).toBe("ucinder: line 2: No volume with a name or ID of 'it-batch-no-such-volume' exists.\n");
    expect(run.code).toBe(1);

    const usage = await ucinder([], env, { input: 'volume list --limit zero\nvolume list\n' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^ucinder: line 1: .*--limit/);
    expect(usage.stdout).toBe('');
  });

  it('--keep-going runs every line and still exits non-zero', async () => {
    const input = ['volume show it-batch-no-such-volume', `volume show ${names[1]} -f value -c name`].join('\n');
    const run = await ucinder(['--keep-going'], env, { input });
    expect(run.stdout).toBe(`${names[1]}\n`);
    expect(run.stderr).toBe("ucinder: line 1: No volume with a name or ID of 'it-batch-no-such-volume' exists.\n");
    expect(run.code).toBe(1);

    const clean = await ucinder(['--keep-going'], env, { input: `volume show ${names[1]} -f value -c name\n` });
    expect(clean.code).toBe(0);
  });
});
