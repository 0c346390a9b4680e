import { HostCommandError, displayCommand, type Arg, type CommandOutcome, type CommandRunner, type RunOptions } from '../../../src/host/runner.js';
import type { DeviceProbe } from '../../../src/host/device-probe.js';
import type { AttachContext } from '../../../src/host/connectors/protocol.js';

/** Records every argv; `exitCodes` maps a display-string pattern to an exit code to simulate. */
export class RecordingRunner implements CommandRunner {
  readonly calls: Arg[][] = [];
  constructor(private readonly exitCodes: [RegExp, number, string?][] = []) {}

  async run(argv: readonly Arg[], options: RunOptions = {}): Promise<CommandOutcome> {
    this.calls.push([...argv]);
    const shown = displayCommand(argv, true);
    const rule = this.exitCodes.find(([pattern]) => pattern.test(shown));
    const exitCode = rule?.[1] ?? 0;
    const stderr = rule?.[2] ?? '';
    if (!(options.okExitCodes ?? [0]).includes(exitCode)) {
      throw new HostCommandError(`${displayCommand(argv)} failed with exit code ${exitCode}: ${stderr}`, displayCommand(argv), exitCode, stderr);
    }
    return { exitCode, stdout: '', stderr };
  }

  /** The argv as plain strings, secrets shown as ***. */
  shown(): string[] {
    return this.calls.map((argv) => displayCommand(argv));
  }
}

export class FakeProbe implements DeviceProbe {
  constructor(
    readonly present = new Set<string>(),
    readonly holders = new Map<string, string>(),
    readonly namespaces = new Map<string, string>(),
  ) {}
  async exists(path: string) {
    return this.present.has(path);
  }
  async multipathHolder(path: string) {
    return this.holders.get(path);
  }
  async nvmeNamespace(nqn: string) {
    return this.namespaces.get(nqn);
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
