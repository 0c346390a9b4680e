import { findByNameOrId, type FindOptions } from './find.js';
import { getQosSpec, listQosSpecs, type QosSpec } from './resources/qos-specs.js';
import { getBackup, listBackups, type Backup } from './resources/backups.js';
import { getSnapshot, listSnapshots, type Snapshot } from './resources/snapshots.js';
import { getTransfer, listTransfers, type Transfer } from './resources/transfers.js';
import { getVolume, listVolumes } from './resources/volumes.js';
import { getVolumeType, listVolumeTypes } from './resources/volume-types.js';
import type { CinderSession } from './session.js';
import type { Volume } from './resources/volumes.js';
import type { VolumeType } from './resources/volume-types.js';

/** `action`: see FindOptions (commands that change state give it). */
export function findVolume(session: CinderSession, nameOrId: string, options: FindOptions & { allProjects?: boolean } = {}): Promise<Volume> {
  return findByNameOrId(
    {
      resource: 'volume',
      getById: (id) => getVolume(session, id),
      listByName: (name) => listVolumes(session, { name, allProjects: options.allProjects }),
    },
    nameOrId,
    options,
  );
}

export function findVolumeType(session: CinderSession, nameOrId: string, options: FindOptions = {}): Promise<VolumeType> {
  return findByNameOrId(
    {
      resource: 'volume type',
      getById: (id) => getVolumeType(session, id),
      // Cinder has no name filter for types; there are few of them.
      listByName: () => listVolumeTypes(session, { visibility: 'all' }),
    },
    nameOrId,
    options,
  );
}

export function findSnapshot(session: CinderSession, nameOrId: string, options: FindOptions & { allProjects?: boolean } = {}): Promise<Snapshot> {
  return findByNameOrId(
    {
      resource: 'snapshot',
      getById: (id) => getSnapshot(session, id),
      listByName: (name) => listSnapshots(session, { name, allProjects: options.allProjects }),
    },
    nameOrId,
    options,
  );
}

/** Transfers have no name filter in Cinder; a project holds few of them. */
export function findTransfer(session: CinderSession, nameOrId: string, options: FindOptions = {}): Promise<Transfer> {
  return findByNameOrId(
    {
      resource: 'volume transfer request',
      getById: (id) => getTransfer(session, id),
      listByName: () => listTransfers(session),
    },
    nameOrId,
    options,
  );
}

export function findQosSpec(session: CinderSession, nameOrId: string, options: FindOptions = {}): Promise<QosSpec> {
  return findByNameOrId(
    {
      resource: 'QoS specification',
      getById: (id) => getQosSpec(session, id),
      // Cinder's qos-specs listing ignores a name filter; there are few of them.
      listByName: () => listQosSpecs(session),
    },
    nameOrId,
    options,
  );
}

export function findBackup(session: CinderSession, nameOrId: string, options: FindOptions & { allProjects?: boolean } = {}): Promise<Backup> {
  return findByNameOrId(
    {
      resource: 'backup',
      getById: (id) => getBackup(session, id),
      listByName: (name) => listBackups(session, { name, allProjects: options.allProjects }),
    },
    nameOrId,
    options,
  );
}
