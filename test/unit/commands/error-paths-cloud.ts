import type { MockAgent } from 'undici';
import { BASE_PATH, ENDPOINT_ROOT } from '../helpers/harness.js';
import { KEYSTONE } from '../auth/keystone-helpers.js';

/**
 * The resources a healthy Cinder holds for the error-path table
 * (error-paths.test.ts), and a router that answers the requests a row
 * names, refusing or mangling exactly one of them.
 */

export const GLANCE = 'http://glance.test:9292';

export const VOL = 'aaaaaaaa-0000-4000-8000-000000000001';
export const SNAP = 'bbbbbbbb-0000-4000-8000-000000000001';
export const BACKUP = 'cccccccc-0000-4000-8000-000000000001';
export const TYPE = 'dddddddd-0000-4000-8000-000000000001';
export const QOS = 'eeeeeeee-0000-4000-8000-000000000001';
export const GROUP = 'ffffffff-0000-4000-8000-000000000001';
export const GROUP_TYPE = 'ffffffff-0000-4000-8000-000000000002';
export const GROUP_SNAP = 'ffffffff-0000-4000-8000-000000000003';
export const TRANSFER = '99999999-0000-4000-8000-000000000001';
export const ATTACHMENT = '88888888-0000-4000-8000-000000000001';
export const MESSAGE = '77777777-0000-4000-8000-000000000001';
export const SERVER = '66666666-0000-4000-8000-000000000001';
export const OTHER_PROJECT = '55555555555555555555555555555555';

const CREATED = '2030-01-01T00:00:00.000000';

export const volume = {
  id: VOL,
  name: 'vol1',
  status: 'available',
  size: 1,
  attachments: [],
  metadata: {},
  volume_type: 'lvm',
  bootable: 'false',
  created_at: CREATED,
  availability_zone: 'nova',
};
export const snapshot = { id: SNAP, name: 'snap1', status: 'available', size: 1, volume_id: VOL, metadata: {}, created_at: CREATED };
export const backup = { id: BACKUP, name: 'bk1', status: 'available', size: 1, volume_id: VOL, created_at: CREATED, is_incremental: false };
export const volumeType = { id: TYPE, name: 'lvm', extra_specs: {}, is_public: true, 'os-volume-type-access:is_public': true, qos_specs_id: null };
export const qos = { id: QOS, name: 'gold', consumer: 'back-end', specs: { read_iops_sec: '100' } };
export const group = { id: GROUP, name: 'grp1', status: 'available', group_type: GROUP_TYPE, volume_types: [TYPE], created_at: CREATED };
export const groupType = { id: GROUP_TYPE, name: 'gt1', group_specs: {}, is_public: true };
export const groupSnapshot = { id: GROUP_SNAP, name: 'gs1', status: 'available', group_id: GROUP, created_at: CREATED };
export const transfer = { id: TRANSFER, name: 'tr1', volume_id: VOL, created_at: CREATED };
export const attachment = { id: ATTACHMENT, volume_id: VOL, status: 'attached', instance: SERVER, attach_mode: 'rw', attached_at: CREATED };
export const message = {
  id: MESSAGE,
  event_id: 'VOLUME_000001',
  user_message: 'schedule allocate volume: No valid backend.',
  message_level: 'ERROR',
  resource_type: 'VOLUME',
  resource_uuid: VOL,
  created_at: CREATED,
};
export const service = { binary: 'cinder-volume', host: 'node1@lvm', zone: 'nova', status: 'enabled', state: 'up', updated_at: CREATED };
export const downService = { ...service, host: 'node2@lvm', state: 'down' };
export const cluster = { name: 'c1@lvm', binary: 'cinder-volume', state: 'up', status: 'enabled', num_hosts: 1, num_down_hosts: 0, last_heartbeat: CREATED };
export const pool = { name: 'node1@lvm#lvm', capabilities: { total_capacity_gb: 100, free_capacity_gb: 50, volume_backend_name: 'lvm' } };
export const quotaSet = { id: 'p', volumes: 10, snapshots: 10, gigabytes: 100, backups: 10, backup_gigabytes: 100, per_volume_gigabytes: -1, groups: 10 };
export const quotaUsage = Object.fromEntries(Object.entries(quotaSet).map(([key, value]) => [key, key === 'id' ? value : { limit: value, in_use: 0, reserved: 0 }]));

/** How a healthy server answers one request. */
export interface Answer {
  status: number;
  /** undefined: no body (a 202 or 204). */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The envelope the command reads from this answer, when it is not the
   * body's only key: a key name, or false when the command reads nothing
   * (then only refusals are tried on it).
   */
  envelope?: string | false;
}

export const ok = (body: unknown, extra: Omit<Answer, 'status' | 'body'> = {}): Answer => ({ status: 200, body, ...extra });
export const accepted: Answer = { status: 202 };

/** "METHOD path": the path below the project (Cinder) or from the root (discovery, Glance, Keystone), without the query. */
export type RequestKey = string;

/** The envelope `answer` carries for the command (undefined when it reads none), and its kind. */
export function envelopeOf(answer: Answer): { key: string; kind: 'object' | 'list' } | undefined {
  if (answer.envelope === false || !isObject(answer.body)) return undefined;
  const keys = Object.keys(answer.body);
  const key = answer.envelope ?? (keys.length === 1 ? keys[0]! : undefined);
  if (key === undefined) return undefined;
  return { key, kind: Array.isArray(answer.body[key]) ? 'list' : 'object' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The path a message names for `key`'s request: Cinder's below /v3/<project>, the others as they are. */
export function fullPath(key: RequestKey): string {
  const path = key.slice(key.indexOf(' ') + 1);
  return path === '/' || /^\/v[23]\//.test(path) ? path : `${BASE_PATH}${path}`;
}

function keyOf(method: string, pathAndQuery: string): RequestKey {
  const path = new URL(pathAndQuery, 'http://x').pathname;
  return `${method} ${path.startsWith(`${BASE_PATH}/`) ? path.slice(BASE_PATH.length) : path}`;
}

const DISCOVERY: Answer = {
  status: 300,
  body: { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] },
};

/**
 * Answers every request on Cinder, Glance and Keystone from `answers`
 * (discovery's `GET /` too unless `answers` has its own), except `changed`,
 * which gets `instead`. Requests nobody planned are answered 599 and
 * recorded in `unexpected`, so a row that sends more than it says fails.
 */
export function route(agent: MockAgent, answers: Map<RequestKey, Answer>, changed: RequestKey | undefined, instead: Answer | undefined) {
  const seen: RequestKey[] = [];
  const unexpected: RequestKey[] = [];
  for (const origin of [ENDPOINT_ROOT, GLANCE, KEYSTONE]) {
    agent
      .get(origin)
      .intercept({ path: () => true, method: () => true })
      .reply((request) => {
        const key = keyOf(request.method, String(request.path));
        seen.push(key);
        const answer = key === changed ? instead! : (answers.get(key) ?? (key === 'GET /' ? DISCOVERY : undefined));
        if (!answer) {
          unexpected.push(key);
          return { statusCode: 599, data: { computeFault: { code: 599, message: `the table plans no ${key}` } } };
        }
        const headers = { 'content-type': 'application/json', ...answer.headers };
        return { statusCode: answer.status, data: answer.body === undefined ? '' : JSON.stringify(answer.body), responseOptions: { headers } };
      })
      .persist();
  }
  return { seen, unexpected };
}
