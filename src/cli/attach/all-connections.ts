import { basename } from 'node:path';
import { PartialFailureError } from '../../errors.js';
import type { AttachContext } from '../../host/connectors/protocol.js';
import { listing, type Listing } from '../../output/result.js';
import type { ConnectionStore } from '../../state/connections.js';
import type { Factory } from '../factory.js';
import { connectCached, type CachedConnection } from './connect-entry.js';
import { stopCached } from './disconnect-entry.js';

/**
 * `connect --all` (boot) and `disconnect --all` (shutdown): every cache entry
 * in the cache's order (file names), one row each; one that fails never stops
 * the others, and the run fails at the end when any did.
 */

const ALL_COLUMNS = ['Name', 'ID', 'Protocol', 'Device', 'Result'] as const;

type Row = [string, string, string, string, string];

interface Outcome {
  rows: Row[];
  failed: number;
}

async function eachEntry(f: Factory, store: ConnectionStore, act: (cached: CachedConnection) => Promise<{ device: string; result: string }>): Promise<Outcome> {
  const rows: Row[] = [];
  let failed = 0;
  const files = await store.list();
  // Under systemd this line is what the journal shows for a host with nothing to do.
  if (files.length === 0) f.io.stderr.write(`no cached connections in ${store.dir}\n`);
  for (const file of files) {
    if (!file.entry) {
      failed++;
      rows.push([basename(file.path), '', '', '', `failed: ${file.problem ?? 'unreadable'}`]);
      continue;
    }
    const { entry } = file;
    const row = (device: string, result: string): Row => [entry.volume.name, entry.volume.id, entry.connection.driver_volume_type, device, result];
    try {
      const { device, result } = await act({ path: file.path, entry });
      rows.push(row(device, result));
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      f.warn(`volume '${entry.volume.name}': ${message}`);
      rows.push(row(entry.device?.path ?? '', `failed: ${message}`));
    }
  }
  return { rows, failed };
}

function finish(outcome: Outcome, verb: string, failAfterOutput: (error: Error) => void): Listing {
  if (outcome.failed > 0) failAfterOutput(new PartialFailureError(outcome.failed, outcome.rows.length, `connections failed to ${verb}`));
  return listing(ALL_COLUMNS, outcome.rows);
}

/**
 * Re-attaches every entry that was connected (it has a device record) and
 * is not complete on the host now; entries that were only initialized, or
 * were disconnected on purpose, stay as they are.
 */
export async function connectAll(f: Factory, store: ConnectionStore, context: AttachContext, failAfterOutput: (error: Error) => void): Promise<Listing> {
  const outcome = await eachEntry(f, store, async (cached) => {
    if (!cached.entry.device) return { device: '', result: 'skipped: not connected before (init-connect only)' };
    const { entry, already } = await connectCached(f, store, cached, context);
    return { device: entry.device?.path ?? '', result: already ? 'already connected' : context.dryRun ? 'planned' : 'connected' };
  });
  return finish(outcome, 'connect', failAfterOutput);
}

/** Takes every connected entry off the host and keeps its record for `connect --all`; Cinder is not told. */
export async function disconnectAll(f: Factory, store: ConnectionStore, context: AttachContext, failAfterOutput: (error: Error) => void): Promise<Listing> {
  const outcome = await eachEntry(f, store, async (cached) => {
    if (!cached.entry.device) return { device: '', result: 'skipped: not connected' };
    await stopCached(f, store, cached, context);
    return { device: cached.entry.device.path, result: context.dryRun ? 'planned' : 'disconnected' };
  });
  return finish(outcome, 'disconnect', failAfterOutput);
}
