import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/cli/status/diagnose.js';
import { emptyCloudState, type CloudState } from '../../../src/cli/status/gather.js';
import { fixOf } from '../../../src/cli/status/problem.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const old = '2026-03-01T11:00:00.000000';

function state(parts: Partial<CloudState>): CloudState {
  return { ...emptyCloudState(), ...parts };
}

describe("a problem's fix: its text and the commands in it that run as they are (what `top` runs)", () => {
  it('are built from one list: command words become `ucinder …`, text stays text', () => {
    expect(fixOf(['volume', 'delete', 'v1'], '; then ', ['volume', 'list'])).toEqual({
      fix: 'ucinder volume delete v1; then ucinder volume list',
      commands: [
        ['volume', 'delete', 'v1'],
        ['volume', 'list'],
      ],
    });
  });

  it('every command of every check is in its text, word for word', () => {
    const problems = diagnose(
      state({
        services: [
          { binary: 'cinder-volume', host: 'n2@lvm', zone: 'nova', status: 'enabled', state: 'down', updated_at: old },
          { binary: 'cinder-backup', host: 'n2', zone: 'nova', status: 'enabled', state: 'down', updated_at: old },
          { binary: 'cinder-volume', host: 'n3@lvm', zone: 'nova', status: 'disabled', state: 'up', updated_at: old, frozen: true, replication_status: 'failover-error' },
        ],
        pools: [{ name: 'n1@lvm#lvm', capabilities: { total_capacity_gb: 10, free_capacity_gb: 0 } }],
        stuckVolumes: [
          { id: 'v-attaching', name: 'a', status: 'attaching', size: 1, updated_at: old },
          { id: 'v-creating', name: 'c', status: 'creating', size: 1, updated_at: old, 'os-vol-host-attr:host': 'n2@lvm#lvm' },
        ],
        errorVolumes: [{ id: 'v-extending', name: 'e', status: 'error_extending', size: 1, updated_at: old }],
      }),
      { now: NOW, poolThresholdPercent: 90 },
    );
    const byCheck = Object.fromEntries(problems.map((problem) => [`${problem.check} ${problem.id}`, problem.commands.map((words) => words.join(' '))]));
    expect(byCheck).toEqual({
      'service-down cinder-volume@n2@lvm': ['block storage cleanup --host n2@lvm', 'volume service remove cinder-volume n2@lvm'],
      'service-down cinder-backup@n2': ['volume service remove cinder-backup n2'],
      'service-disabled cinder-volume@n3@lvm': ['volume service set --enable n3@lvm cinder-volume'],
      'frozen cinder-volume@n3@lvm': ['volume host set --enable n3@lvm'],
      'replication-error cinder-volume@n3@lvm': ['volume host failover n3@lvm --volume-backend default'],
      'pool-full n1@lvm#lvm': ['volume backend pool list --long'],
      'volume-stuck v-attaching': ['volume attachment list --volume v-attaching', 'volume set --state available --detached v-attaching'],
      'volume-stuck v-creating': ['block storage cleanup --host n2@lvm'],
      'volume-error v-extending': ['volume set --state available v-extending'],
    });
    for (const problem of problems) {
      for (const words of problem.commands) expect(problem.fix).toContain(`ucinder ${words.join(' ')}`);
    }
  });
});
