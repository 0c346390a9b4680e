import type { Factory } from '../factory.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import type { DryRunRunner } from '../../host/runner.js';
import { listing, type Listing } from '../../output/result.js';
import { DEFAULT_DEVICE_TIMEOUT_SECONDS } from './options.js';

export interface HostFlags {
  dryRun?: boolean;
  deviceTimeout?: number;
}

/** The runner (or a dry-run recorder), the device probe and a clock for one host operation. */
export async function hostContext(f: Factory, flags: HostFlags): Promise<{ context: AttachContext; dryRun?: DryRunRunner }> {
  const { DryRunRunner } = await import('../../host/runner.js');
  const dryRun = flags.dryRun ? new DryRunRunner() : undefined;
  const context: AttachContext = {
    runner: dryRun ?? (await f.runner()),
    probe: await f.deviceProbe(),
    clock: {
      now: f.deps.now ?? Date.now,
      sleep: f.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      signal: f.deps.signal,
    },
    deviceTimeoutMs: (flags.deviceTimeout ?? DEFAULT_DEVICE_TIMEOUT_SECONDS) * 1000,
    dryRun: dryRun !== undefined,
    warn: (message) => f.warn(message),
  };
  return { context, dryRun };
}

/** --dry-run's output: one command per row, pasteable into a shell (-f value). */
export async function plannedCommands(dryRun: DryRunRunner, showSecrets: boolean): Promise<Listing> {
  const { displayCommand } = await import('../../host/runner.js');
  return listing(['Command'], dryRun.planned.map((argv) => [displayCommand(argv, showSecrets)]));
}
