import { findByNameOrId, type FindOptions } from './find.js';
import { getGroupSnapshot, listGroupSnapshots, type GroupSnapshot } from './resources/group-snapshots.js';
import { getGroupType, listGroupTypes, type GroupType } from './resources/group-types.js';
import { getGroup, listGroups, type Group } from './resources/groups.js';
import type { CinderSession } from './session.js';

/**
 * Name-or-ID lookup of generic volume groups, their types and snapshots.
 * Cinder filters none of these lists by name reliably, so names are matched
 * here over the whole list (groups are few).
 */
export function findGroup(session: CinderSession, nameOrId: string, options: FindOptions & { allProjects?: boolean } = {}): Promise<Group> {
  return findByNameOrId(
    {
      resource: 'volume group',
      getById: (id) => getGroup(session, id),
      listByName: () => listGroups(session, { allProjects: options.allProjects }),
    },
    nameOrId,
    options,
  );
}

export function findGroupType(session: CinderSession, nameOrId: string, options: FindOptions = {}): Promise<GroupType> {
  return findByNameOrId(
    {
      resource: 'volume group type',
      getById: (id) => getGroupType(session, id),
      listByName: () => listGroupTypes(session),
    },
    nameOrId,
    options,
  );
}

export function findGroupSnapshot(session: CinderSession, nameOrId: string, options: FindOptions & { allProjects?: boolean } = {}): Promise<GroupSnapshot> {
  return findByNameOrId(
    {
      resource: 'volume group snapshot',
      getById: (id) => getGroupSnapshot(session, id),
      listByName: () => listGroupSnapshots(session, { allProjects: options.allProjects }),
    },
    nameOrId,
    options,
  );
}
