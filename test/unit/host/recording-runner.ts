import { HostCommandError, displayCommand, type Arg, type CommandOutcome, type CommandRunner, type RunOptions } from '../../../src/host/runner.js';
import type { DeviceProbe, NvmeSubsystemInfo } from '../../../src/host/device-probe.js';
import type { AttachContext } from '../../../src/host/connectors/protocol.js';

/** How the fake answers a command: exit 0 with no output unless a rule says otherwise. */
export interface ScriptedAnswer {
  /** Matched against the command as shown with its secrets; no pattern matches every command. */
  when?: RegExp;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
}

/**
 * The one fake command runner of the unit tests: records every argv (and its
 * options) and answers with the first matching rule, failing as
 * ProcessRunner does when the exit code is not accepted.
 */
export class RecordingRunner implements CommandRunner {
  readonly calls: Arg[][] = [];
  readonly options: RunOptions[] = [];
  constructor(private readonly answers: ScriptedAnswer[] = []) {}

  async run(argv: readonly Arg[], options: RunOptions = {}): Promise<CommandOutcome> {
    this.calls.push([...argv]);
    this.options.push(options);
    const answer = this.answers.find(({ when }) => !when || when.test(displayCommand(argv, true))) ?? {};
    const { exitCode = 0, stdout = '', stderr = '' } = answer;
    if (!(options.okExitCodes ?? [0]).includes(exitCode)) {
      throw new HostCommandError(`${displayCommand(argv)} failed with exit code ${exitCode}: ${stderr}`, displayCommand(argv), exitCode, stderr);
    }
    return { exitCode, stdout, stderr };
  }

  /** The argv as plain strings, secrets shown as ***. */
  shown(): string[] {
    return this.calls.map((argv) => displayCommand(argv));
  }
}

/** /dev and /sys as the test says; a device may show up only after some looks (udev is asynchronous). */
export class FakeProbe implements DeviceProbe {
  private readonly missesLeft = new Map<string, number>();
  /** Where a present link leads (by-path link → /dev/sdX); a path not listed leads to itself. */
  readonly links = new Map<string, string>();
  /** What /sys/class/nvme-subsystem shows. */
  readonly subsystems: NvmeSubsystemInfo[] = [];

  constructor(
    readonly present = new Set<string>(),
    readonly holders = new Map<string, string>(),
    readonly namespaces = new Map<string, string>(),
  ) {}

  /** A link at `path` to the block device `target`, both present. */
  link(path: string, target: string): this {
    this.present.add(path);
    this.present.add(target);
    this.links.set(path, target);
    return this;
  }

  /** Takes every device away, as a reboot does. */
  reboot(): void {
    this.present.clear();
    this.links.clear();
    this.holders.clear();
    this.namespaces.clear();
    this.subsystems.length = 0;
  }

  /** `path` exists from the (misses + 1)th look on. */
  appearsAfter(path: string, misses: number): this {
    this.missesLeft.set(path, misses);
    this.present.add(path);
    return this;
  }

  async exists(path: string) {
    const misses = this.missesLeft.get(path) ?? 0;
    if (misses > 0) {
      this.missesLeft.set(path, misses - 1);
      return false;
    }
    return this.present.has(path);
  }
  async multipathHolder(path: string) {
    return this.holders.get(path);
  }
  async nvmeNamespace(nqn: string, selector: { nsId?: number; uuid?: string } = {}) {
    const known = this.namespaces.get(nqn);
    if (known) return known;
    const subsystem = this.subsystems.find((candidate) => candidate.nqn === nqn);
    return subsystem?.namespaces.find((namespace) => (selector.uuid ? namespace.uuid === selector.uuid : namespace.nsId === selector.nsId))?.device;
  }
  async list(dir: string) {
    const prefix = `${dir}/`;
    return [...this.present]
      .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map((path) => path.slice(prefix.length))
      .sort();
  }
  async resolve(path: string) {
    if (!this.present.has(path)) return undefined;
    return this.links.get(path) ?? path;
  }
  async nvmeSubsystems() {
    return this.subsystems;
  }
}

export function fakeContext(runner: CommandRunner, probe: DeviceProbe, overrides: Partial<AttachContext> = {}) {
  const warnings: string[] = [];
  let clock = 0;
  const context: AttachContext = {
    runner,
    probe,
    clock: { now: () => clock, sleep: async (ms) => void (clock += ms) },
    deviceTimeoutMs: 5000,
    dryRun: false,
    warn: (message) => warnings.push(message),
    ...overrides,
  };
  return { context, warnings };
}
