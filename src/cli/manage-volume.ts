import type { Volume } from '../api/resources/volumes.js';
import { manageVolume } from '../api/resources/manageable.js';
import { UsageError } from '../errors.js';
import type { Factory } from './factory.js';
import { waitUntilVolumeManaged } from './wait/manage.js';

/**
 * `volume create --remote-source KEY=VALUE --host H|--cluster C NAME`:
 * adopting an existing backend volume instead of allocating one (openstack's
 * `volume create --remote-source`; Cinder's manageable_volumes).
 */
export interface RemoteSourceOptions {
  remoteSource?: Record<string, string>;
  host?: string;
  cluster?: string;
}

export interface ManagedVolumeSettings {
  name: string;
  description?: string;
  type?: string;
  availabilityZone?: string;
  property?: Record<string, string>;
  bootable?: boolean;
  wait?: boolean;
  waitTimeout?: number;
}

/** Checks the combination before any request; `sources` are the other source flags given (--size, --image...). */
export function checkRemoteSource(options: RemoteSourceOptions, sources: string[]): void {
  if (!options.remoteSource) {
    if (options.host !== undefined || options.cluster !== undefined) throw new UsageError('--host and --cluster go with --remote-source only');
    return;
  }
  if (sources.length) throw new UsageError(`--remote-source cannot be combined with ${sources.join(', ')}: the size and content are the backend volume's`);
  if ((options.host === undefined) === (options.cluster === undefined)) throw new UsageError('--remote-source needs exactly one of --host or --cluster');
}

/** `ref` is --remote-source's; --cluster's microversion is the command's to enforce (its option declares it). */
export async function createFromRemoteSource(f: Factory, ref: Record<string, string>, options: RemoteSourceOptions, settings: ManagedVolumeSettings): Promise<Volume> {
  const session = await f.session();
  const accepted = await manageVolume(session, {
    ref,
    host: options.host,
    cluster: options.cluster,
    name: settings.name,
    description: settings.description,
    volume_type: settings.type,
    availability_zone: settings.availabilityZone,
    metadata: settings.property,
    bootable: settings.bootable,
  });
  return settings.wait ? waitUntilVolumeManaged(f, session, accepted, ref, settings) : accepted.resource;
}
