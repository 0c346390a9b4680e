import type { GroupSnapshot } from '../../api/resources/group-snapshots.js';
import type { GroupType } from '../../api/resources/group-types.js';
import type { Group } from '../../api/resources/groups.js';
import { dictColumn } from '../../output/columns.js';
import { orderedDetails, type Cell, type Details, type Value } from '../../output/result.js';
import { itemProperty } from './item-property.js';

/**
 * Generic volume groups, their types and snapshots as the openstack client
 * prints them (`volume group …`): a fixed list of headers in its own order,
 * not sorted; a field the server did not send (Volumes without --volumes)
 * prints as ''. --raw prints Cinder's own fields.
 */
type Fields = readonly (readonly [header: string, field: string])[];

const GROUP_FIELDS: Fields = [
  ['ID', 'id'],
  ['Status', 'status'],
  ['Name', 'name'],
  ['Description', 'description'],
  ['Group Type', 'group_type'],
  ['Volume Types', 'volume_types'],
  ['Availability Zone', 'availability_zone'],
  ['Created At', 'created_at'],
  ['Volumes', 'volumes'],
  ['Group Snapshot ID', 'group_snapshot_id'],
  ['Source Group ID', 'source_group_id'],
];

const GROUP_SNAPSHOT_FIELDS: Fields = [
  ['ID', 'id'],
  ['Status', 'status'],
  ['Name', 'name'],
  ['Description', 'description'],
  ['Group', 'group_id'],
  ['Group Type', 'group_type_id'],
];

function fixedDetails(item: object, fields: Fields): Details {
  const shown: Record<string, Cell> = {};
  for (const [header, field] of fields) shown[header] = itemProperty(item, field);
  return orderedDetails(shown, item as Record<string, Value>);
}

export function groupDetails(group: Group): Details {
  return fixedDetails(group, GROUP_FIELDS);
}

export function groupSnapshotDetails(snapshot: GroupSnapshot): Details {
  return fixedDetails(snapshot, GROUP_SNAPSHOT_FIELDS);
}

/** `volume group type show/create/set`: the group specs as `Properties` (key='value', …). */
export function groupTypeDetails(type: GroupType): Details {
  const shown: Record<string, Cell> = {
    ID: type.id,
    Name: type.name,
    Description: itemProperty(type, 'description'),
    'Is Public': itemProperty(type, 'is_public'),
    Properties: dictColumn(type.group_specs),
  };
  return orderedDetails(shown, type as unknown as Record<string, Value>);
}

/** The short listing columns of groups and group snapshots. */
export const GROUP_LIST_COLUMNS = ['ID', 'Status', 'Name'] as const;

export function groupListRow(item: Group | GroupSnapshot): Cell[] {
  return [item.id, item.status, item.name];
}
