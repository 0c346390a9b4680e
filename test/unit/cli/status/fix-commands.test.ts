import { CommanderError, type Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../../src/cli/status/diagnose.js';
import type { CloudState } from '../../../../src/cli/status/gather.js';
import { splitShellWords } from '../../../../src/host/shell-words.js';
import { realProgram } from '../../completion/helpers.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const OLD = '2026-03-01T10:00:00.000000';
const VOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const ATT = 'bbbbbbbb-0000-4000-8000-000000000001';

const service = (host: string, extra: object = {}) => ({
  binary: 'cinder-volume',
  host,
  zone: 'nova',
  status: 'enabled',
  state: 'up',
  updated_at: OLD,
  cluster: null,
  frozen: false,
  replication_status: 'disabled',
  active_backend_id: null,
  ...extra,
});
const volume = (id: string, status: string, extra: object = {}) => ({
  id,
  name: `n-${id.slice(-2)}`,
  status,
  size: 1,
  updated_at: OLD,
  'os-vol-host-attr:host': 'node1@lvm#lvm',
  ...extra,
});
const snapshot = (id: string, status: string) => ({ id, name: null, status, volume_id: VOL, size: 1, updated_at: OLD });
const backup = (id: string, status: string) => ({ id, name: null, status, volume_id: VOL, updated_at: OLD });

/** Every check of `ucinder status` fires at least once, in every variant of its fix. */
function everyProblem(): CloudState {
  const volumes = [
    'creating',
    'deleting',
    'attaching',
    'reserved',
    'detaching',
    'maintenance',
    'extending',
    'retyping',
    'downloading',
    'uploading',
    'backing-up',
    'restoring-backup',
  ];
  return {
    services: [
      service('node2@lvm', { state: 'down', status: 'disabled', disabled_reason: 'gone' }),
      { ...service('node2'), binary: 'cinder-scheduler', state: 'down' },
      service('node3@lvm', { status: 'disabled', disabled_reason: 'disk swap' }),
      service('node4@lvm', { frozen: true, replication_status: 'failed-over', active_backend_id: 'secondary' }),
      service('node5@lvm', { backend_state: 'down', replication_status: 'failover-error' }),
      service('node6@lvm', { cluster: 'c1@lvm' }),
    ],
    clusters: [
      {
        name: 'c1@lvm',
        binary: 'cinder-volume',
        state: 'up',
        status: 'enabled',
        num_hosts: 2,
        num_down_hosts: 1,
        last_heartbeat: OLD,
        frozen: true,
        replication_status: 'error',
        active_backend_id: 'b',
      },
      { name: 'c2@lvm', binary: 'cinder-volume', state: 'down', status: 'enabled', num_hosts: 1, num_down_hosts: 1, last_heartbeat: OLD, frozen: true },
    ],
    pools: [{ name: 'node1@lvm#lvm', capabilities: { total_capacity_gb: 100, free_capacity_gb: 1 } }],
    stuckVolumes: [
      ...volumes.map((status, i) => volume(`dddddddd-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, status)),
      volume('dddddddd-0000-4000-8000-000000000099', 'creating', { 'os-vol-host-attr:host': 'node2@lvm#lvm' }),
      volume(VOL, 'reserved'),
    ],
    errorVolumes: [
      volume('eeeeeeee-0000-4000-8000-000000000001', 'error'),
      volume('eeeeeeee-0000-4000-8000-000000000002', 'error', { 'os-vol-host-attr:host': null }),
      volume('eeeeeeee-0000-4000-8000-000000000003', 'error'),
      volume('eeeeeeee-0000-4000-8000-000000000004', 'error_deleting'),
      volume('eeeeeeee-0000-4000-8000-000000000005', 'error_extending'),
      volume('eeeeeeee-0000-4000-8000-000000000006', 'error_restoring'),
      volume('eeeeeeee-0000-4000-8000-000000000007', 'error_managing'),
    ],
    stuckSnapshots: ['creating', 'deleting', 'backing-up', 'restoring', 'unmanaging'].map((status, i) => snapshot(`ffffffff-0000-4000-8000-00000000000${i}`, status)),
    errorSnapshots: [snapshot('ffffffff-0000-4000-8000-000000000010', 'error'), snapshot('ffffffff-0000-4000-8000-000000000011', 'error_deleting')],
    stuckBackups: [backup('99999999-0000-4000-8000-000000000001', 'creating')],
    errorBackups: [backup('99999999-0000-4000-8000-000000000002', 'error')],
    unfinishedAttachments: [
      { id: ATT, volume_id: VOL, instance: null, status: 'reserved' },
      { id: 'bbbbbbbb-0000-4000-8000-000000000002', volume_id: VOL, instance: 'cccccccc-0000-4000-8000-000000000001', status: 'error_attaching' },
    ],
    lastMessages: new Map([
      [
        'eeeeeeee-0000-4000-8000-000000000003',
        {
          id: 'm',
          event_id: 'VOLUME_VOLUME_001_003',
          user_message: 'schedule allocate volume:Could not find any available weighted backend.',
          message_level: 'ERROR',
          created_at: OLD,
        },
      ],
    ]),
    skipped: [],
  } as unknown as CloudState;
}

/** The steps of a fix, as status joins them. */
const FIX_SEPARATOR = '; ';

/** The ucinder command lines of a fix's text, in order: each runs from `ucinder ` to the end of its step. */
function fixCommands(fix: string): string[] {
  return fix.split(FIX_SEPARATOR).flatMap((step) => (step.includes('ucinder ') ? [step.slice(step.indexOf('ucinder '))] : []));
}

/** Parses `argv` as the real program would, running nothing: every action is a no-op. */
async function parses(program: Command, argv: string[]): Promise<string | undefined> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    throw error;
  }
}

function silence(command: Command): void {
  command.exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  command.action(() => undefined);
  for (const sub of command.commands) silence(sub);
}

describe('status: every suggested fix is a ucinder command line a person can paste', () => {
  let program: Command;
  beforeAll(async () => {
    program = await realProgram();
    silence(program);
  });

  const problems = diagnose(everyProblem(), { now: NOW, poolThresholdPercent: 90 });

  it('the check parses as the program does: a misspelt command, an unknown flag, a missing or extra argument fail it', async () => {
    expect(await parses(program, ['volume', 'delete', 'v1'])).toBeUndefined();
    expect(await parses(program, ['volume', 'delet', 'v1'])).toMatch(/unknown command|too many arguments/);
    expect(await parses(program, ['volume', 'service', 'set', '--host', 'h', 'h', 'cinder-volume'])).toMatch(/unknown option '--host'/);
    expect(await parses(program, ['volume', 'show'])).toMatch(/missing required argument/);
    expect(await parses(program, ['volume', 'show', 'a', 'b'])).toMatch(/too many arguments/);
  });

  it('covers every check', () => {
    expect(new Set(problems.map((problem) => problem.check))).toEqual(
      new Set([
        'service-down',
        'service-disabled',
        'backend-down',
        'frozen',
        'failed-over',
        'replication-error',
        'cluster-hosts-down',
        'pool-full',
        'volume-stuck',
        'volume-error',
        'snapshot-stuck',
        'snapshot-error',
        'backup-stuck',
        'backup-error',
        'attachment-stale',
        'attachment-error',
      ]),
    );
  });

  it.each(problems.map((problem) => [`${problem.check} ${problem.id}`, problem.fix, problem.commands] as const))('%s: %s', async (_name, fix, runnable) => {
    const commands = fixCommands(fix);
    // What `top` runs is what the text says, every command of it.
    expect(runnable.map((words) => `ucinder ${words.join(' ')}`)).toEqual(commands);
    expect(commands.length, 'a fix names at least one command').toBeGreaterThan(0);
    // Every step holding a command ends with it: nothing but the command follows `ucinder`.
    for (const step of fix.split(FIX_SEPARATOR)) if (step.includes('ucinder ')) expect(commands).toContain(step.slice(step.indexOf('ucinder ')));
    for (const command of commands) {
      const words = splitShellWords(command);
      expect(words[0]).toBe('ucinder');
      // No placeholder: `<volume>` is a redirection to a shell.
      expect(
        words.filter((word) => /[<>()]/.test(word)),
        command,
      ).toEqual([]);
      expect(await parses(program, words.slice(1)), command).toBeUndefined();
    }
  });
});
