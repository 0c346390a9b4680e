import type { Factory } from '../factory.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import type { DryRunRunner } from '../../host/runner.js';
import { textLines, type TextLines } from '../../output/result.js';
import { DEFAULT_DEVICE_TIMEOUT_SECONDS } from './options.js';

interface HostFlags {
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

/**
 * --dry-run's output: the commands as shell lines that run as they are,
 * secrets as "$VARIABLE"s set at the top only with --show-secrets (else the
 * note on stderr says what to set).
 */
export async function plannedCommands(f: Factory, dryRun: DryRunRunner, showSecrets: boolean): Promise<TextLines> {
  const { dryRunScript } = await import('../../host/dry-run-script.js');
  const script = dryRunScript(dryRun.planned, showSecrets);
  if (script.unset.length) {
    f.io.stderr.write(`Set ${script.unset.join(', ')} before running these (--show-secrets prints the line that sets ${script.unset.length === 1 ? 'it' : 'them'})\n`);
  }
  return textLines(script.lines);
}
