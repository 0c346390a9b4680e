import { BASE_PATH, type MockPool } from '../../helpers/harness.js';

export const GROUP_ID = '1a06e47b-25bb-4163-a275-75e68c2b3706';
export const GROUP_TYPE_ID = 'd4923657-6c52-40b1-968b-6aeb83679b7e';
export const VOLUME_TYPE_ID = '9f14f72b-2755-41ab-a6d4-5eea4e6c17e2';
export const GROUP_SNAPSHOT_ID = 'ea9eb8c7-7870-483d-a49a-9f905327d8fd';
export const VOLUME_ID = '659993d3-d950-47be-8c0d-f4a5397aa7ff';

/** A group as Cinder's detail view returns it (without list_volume). */
export const GROUP = {
  id: GROUP_ID,
  status: 'available',
  availability_zone: 'nova',
  created_at: '2026-11-28T18:19:47.518881',
  name: 'app1',
  description: null,
  group_type: GROUP_TYPE_ID,
  volume_types: [VOLUME_TYPE_ID],
  group_snapshot_id: null,
  source_group_id: null,
  replication_status: 'disabled',
  project_id: '0123456789abcdef0123456789abcdef',
};

export const GROUP_TYPE = { id: GROUP_TYPE_ID, name: 'app-group', description: null, is_public: true, group_specs: { k: 'v' } };

export const GROUP_SNAPSHOT = {
  id: GROUP_SNAPSHOT_ID,
  group_id: GROUP_ID,
  group_type_id: GROUP_TYPE_ID,
  status: 'available',
  created_at: '2026-11-28T18:08:58.682970',
  name: 'nightly',
  description: null,
  project_id: '0123456789abcdef0123456789abcdef',
};

const notFound = { itemNotFound: { code: 404, message: 'not found' } };

/** `name` is not an ID: the lookup's GET by id answers 404, then the listing has the group. */
export function stubGroupByName(pool: MockPool, name = 'app1', group: object = GROUP): void {
  pool.intercept({ path: `${BASE_PATH}/groups/${name}`, method: 'GET' }).reply(404, notFound);
  pool.intercept({ path: `${BASE_PATH}/groups/detail`, method: 'GET' }).reply(200, { groups: [group] });
}

export function stubGroupById(pool: MockPool, group: object = GROUP): void {
  pool.intercept({ path: `${BASE_PATH}/groups/${GROUP_ID}`, method: 'GET' }).reply(200, { group });
}

export function stubGroupTypeByName(pool: MockPool, name = 'app-group'): void {
  pool.intercept({ path: `${BASE_PATH}/group_types/${name}`, method: 'GET' }).reply(404, notFound);
  pool.intercept({ path: `${BASE_PATH}/group_types?is_public=None`, method: 'GET' }).reply(200, { group_types: [GROUP_TYPE] });
}

export function stubGroupTypeById(pool: MockPool, type: object = GROUP_TYPE): void {
  pool.intercept({ path: `${BASE_PATH}/group_types/${GROUP_TYPE_ID}`, method: 'GET' }).reply(200, { group_type: type });
}

export function stubGroupSnapshotByName(pool: MockPool, name = 'nightly'): void {
  pool.intercept({ path: `${BASE_PATH}/group_snapshots/${name}`, method: 'GET' }).reply(404, notFound);
  pool.intercept({ path: `${BASE_PATH}/group_snapshots/detail`, method: 'GET' }).reply(200, { group_snapshots: [GROUP_SNAPSHOT] });
}

export function stubVolumeTypeByName(pool: MockPool, name = 'gold'): void {
  pool.intercept({ path: `${BASE_PATH}/types/${name}`, method: 'GET' }).reply(404, notFound);
  pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [{ id: VOLUME_TYPE_ID, name }] });
}
