import { describe, expect, it } from 'vitest';
import { DryRunRunner, HostCommandError, ProcessRunner, ToolMissingError, displayCommand, secretArg } from '../../../src/host/runner.js';

const runner = new ProcessRunner({ env: { PATH: process.env.PATH } });

describe('ProcessRunner', () => {
  it('passes argv verbatim (no shell): metacharacters stay data', async () => {
    const outcome = await runner.run([process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', 'a b', '$(touch /tmp/x)', "'; rm -rf /"]);
    expect(JSON.parse(outcome.stdout)).toEqual(['a b', '$(touch /tmp/x)', "'; rm -rf /"]);
  });

  it('puts the captured stderr and exit code in the error, secrets masked', async () => {
    const failing = runner.run([process.execPath, '-e', 'process.stderr.write("boom\\n"); process.exit(3)', secretArg('hunter2', 'UCINDER_CHAP_PASSWORD')]);
    await expect(failing).rejects.toThrow(HostCommandError);
    await expect(failing).rejects.toThrow(/failed with exit code 3: boom$/);
    await expect(failing).rejects.not.toThrow(/hunter2/);
  });

  it('accepts the exit codes the caller says are fine', async () => {
    const outcome = await runner.run([process.execPath, '-e', 'process.exit(15)'], { okExitCodes: [0, 15] });
    expect(outcome.exitCode).toBe(15);
  });

  it('kills a command that outlives its timeout', async () => {
    await expect(runner.run([process.execPath, '-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 })).rejects.toThrow('did not finish within 0.2 s');
  });

  it('names what to install when the tool is missing', async () => {
    const missing = runner.run(['ucinder-no-such-tool', '-x'], { missingHint: 'open-iscsi (iscsiadm)' });
    await expect(missing).rejects.toThrow(ToolMissingError);
    await expect(missing).rejects.toThrow("'ucinder-no-such-tool' is not installed or not on PATH: install open-iscsi (iscsiadm)");
  });
});

describe('dry run and display', () => {
  it('records instead of running', async () => {
    const dry = new DryRunRunner();
    await dry.run(['iscsiadm', '--login']);
    expect(dry.planned).toEqual([['iscsiadm', '--login']]);
  });

  it('quotes for a POSIX shell and masks secrets unless asked', () => {
    expect(displayCommand(['echo', "it's", 'a b', secretArg('pw', 'UCINDER_CHAP_PASSWORD')])).toBe(`echo 'it'\\''s' 'a b' '***'`);
    expect(displayCommand(['echo', secretArg('pw', 'UCINDER_CHAP_PASSWORD')], true)).toBe('echo pw');
  });
});
