import type { AttachContext } from './protocol.js';

/**
 * Flushes buffered writes before the device goes away, as os-brick does;
 * skipped when the device is already gone (detach must be idempotent).
 */
export async function flushDevice(device: string | undefined, context: AttachContext): Promise<void> {
  if (!device) return;
  if (!context.dryRun && !(await context.probe.exists(device))) return;
  await context.runner.run(['blockdev', '--flushbufs', device], { missingHint: 'util-linux (blockdev)' });
}
