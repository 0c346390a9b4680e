import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { newAgent, run, tempDir, type RunResult } from '../helpers/harness.js';
import { PASSWORD_ENV, TOKEN, tokenBody } from '../auth/keystone-helpers.js';
import { realProgram } from '../completion/helpers.js';
import { fakeHost, ISCSI_DATA, ISCSI_DEVICE, NVME_DEVICE, NVMEOF_DATA, VOLUME_ID as HOST_VOLUME, type FakeHost } from './attach/fake-host.js';
import {
  accepted,
  attachment,
  ATTACHMENT,
  backup,
  BACKUP,
  cluster,
  downService,
  envelopeOf,
  fullPath,
  GLANCE,
  group,
  GROUP,
  GROUP_SNAP,
  GROUP_TYPE,
  groupSnapshot,
  groupType,
  message,
  MESSAGE,
  ok,
  OTHER_PROJECT,
  pool,
  qos,
  QOS,
  quotaSet,
  route,
  SERVER,
  service,
  snapshot,
  SNAP,
  transfer,
  TRANSFER,
  TYPE,
  VOL,
  volume,
  volumeType,
  type Answer,
  type RequestKey,
} from './error-paths-cloud.js';

/**
 * Every command that sends a request, against a server that refuses it
 * (Cinder's error bodies) and against malformed 200 answers: exit 1,
 * Cinder's words (or the named missing envelope) on stderr, nothing on
 * stdout; never exit 0, never a TypeError. The table is checked against the
 * command tree, so a new command without a row fails here.
 */

interface Row {
  /** The command's words, then arguments that get it to its requests. */
  argv: string[];
  /** What a healthy cloud answers, in the order the command asks ("METHOD /path", query left out). */
  answers: [RequestKey, Answer][];
  /** The request the refusals hit: the last one unless named (a later one may only run when it succeeds). */
  refuse?: RequestKey;
  /** Runs on a fake host (the attach commands), prepared by this (e.g. a connection cache entry). */
  host?: (host: FakeHost) => Promise<void>;
  /** TAB completion: a failure means no names, never a message or an exit code that disturbs the shell. */
  tab?: true;
  env?: Record<string, string | undefined>;
  /** Where a refusal means something else (a name lookup, openstack's skip of an unknown project): what happens instead. */
  refusals?: Partial<Record<number, Outcome>>;
  /** A request whose `{}` is reported in other words than the envelope's (discovery's "did not list"). */
  missing?: Partial<Record<RequestKey, RegExp>>;
}

interface Outcome {
  code: number;
  stderr: RegExp;
}

/** An answer read only when the request under test is refused (a name lookup after a 404, a status check after a 400). */
const fallback = ([key, answer]: [RequestKey, Answer]): [RequestKey, Answer] => [key, { ...answer, envelope: false }];

/** A NAME|ID argument whose GET by ID is refused with 400 or 404 is looked up by name: none has it. */
function notFound(resource: string, id: string): Partial<Record<number, Outcome>> {
  const outcome = { code: 1, stderr: new RegExp(`No ${resource} with a name or ID of '${id}' exists`) };
  return { 400: outcome, 404: outcome };
}

const get = (path: string, answer: Answer): [RequestKey, Answer] => [`GET ${path}`, answer];
const post = (path: string, answer: Answer = accepted): [RequestKey, Answer] => [`POST ${path}`, answer];
const put = (path: string, answer: Answer = accepted): [RequestKey, Answer] => [`PUT ${path}`, answer];
const del = (path: string, answer: Answer = accepted): [RequestKey, Answer] => [`DELETE ${path}`, answer];

const vol = get(`/volumes/${VOL}`, ok({ volume }));
const snap = get(`/snapshots/${SNAP}`, ok({ snapshot }));
const bak = get(`/backups/${BACKUP}`, ok({ backup }));
const vtype = get(`/types/${TYPE}`, ok({ volume_type: volumeType }));
const privateType = get(`/types/${TYPE}`, ok({ volume_type: { ...volumeType, is_public: false, 'os-volume-type-access:is_public': false } }));
const qosSpec = get(`/qos-specs/${QOS}`, ok({ qos_specs: qos }));
const grp = get(`/groups/${GROUP}`, ok({ group }));
const gtype = get(`/group_types/${GROUP_TYPE}`, ok({ group_type: groupType }));
const gsnap = get(`/group_snapshots/${GROUP_SNAP}`, ok({ group_snapshot: groupSnapshot }));
const xfer = get(`/volume-transfers/${TRANSFER}`, ok({ transfer }));
const VOLUME_ACTION = `/volumes/${VOL}/action`;
const KEYSTONE_ENV = { ...PASSWORD_ENV, OS_ENDPOINT: undefined, OS_PROJECT_ID: undefined };
const HOST_VOLUME_ACTION = `/volumes/${HOST_VOLUME}/action`;
/** This host's connection to the volume: initialized (init-connect) and the device present (connect). */
const initialized = async (host: FakeHost) => {
  await host.seed('iscsi', ISCSI_DATA);
  host.probe.present.add(ISCSI_DEVICE);
};
/** Connected and attached (connect --attach): disconnect tells Cinder. */
const attached = async (host: FakeHost) => {
  await host.seed('nvmeof', NVMEOF_DATA, {
    device: { path: NVME_DEVICE, paths: [NVME_DEVICE], connected_at: '2030-01-01T00:00:01.000Z', attached: true, attachment_id: ATTACHMENT },
  });
  host.probe.present.add(NVME_DEVICE);
};
const keystoneToken = post('/v3/auth/tokens', { status: 201, body: tokenBody(), headers: { 'x-subject-token': TOKEN } });

const ROWS: Row[] = [
  // volume
  { argv: ['volume', 'create', '--size', '1', 'vol1'], answers: [post('/volumes', ok({ volume }))] },
  { argv: ['volume', 'list'], answers: [get('/volumes/detail', ok({ volumes: [volume] }))] },
  { argv: ['volume', 'show', VOL], answers: [vol, fallback(get('/volumes/detail', ok({ volumes: [] })))], refuse: vol[0], refusals: notFound('volume', VOL) },
  // An ID is deleted directly; the GET is the status check after a 400 and the lookup after a 404.
  { argv: ['volume', 'delete', VOL], answers: [fallback(vol), del(`/volumes/${VOL}`)] },
  { argv: ['volume', 'set', '--name', 'vol2', VOL], answers: [vol, put(`/volumes/${VOL}`, ok({ volume }))] },
  { argv: ['volume', 'unset', '--property', 'k', VOL], answers: [vol, del(`/volumes/${VOL}/metadata/k`)] },
  { argv: ['volume', 'migrate', '--host', 'node1@lvm#lvm', VOL], answers: [vol, post(VOLUME_ACTION)] },
  { argv: ['volume', 'summary'], answers: [get('/volumes/summary', ok({ 'volume-summary': { total_count: 1, total_size: 1 } }))] },
  { argv: ['volume', 'revert', SNAP], answers: [snap, vol, post(VOLUME_ACTION)] },
  { argv: ['volume', 'reimage', '--image', '9c799064-b44e-42f8-a5fc-04e5641c34ed', VOL], answers: [vol, post(VOLUME_ACTION)] },
  // volume type
  { argv: ['volume', 'type', 'create', 'lvm'], answers: [post('/types', ok({ volume_type: volumeType }))] },
  { argv: ['volume', 'type', 'list'], answers: [get('/types', ok({ volume_types: [volumeType] }))] },
  { argv: ['volume', 'type', 'show', TYPE], answers: [vtype, fallback(get('/types', ok({ volume_types: [] })))], refuse: vtype[0], refusals: notFound('volume type', TYPE) },
  { argv: ['volume', 'type', 'delete', TYPE], answers: [vtype, del(`/types/${TYPE}`)] },
  { argv: ['volume', 'type', 'set', '--property', 'k=v', TYPE], answers: [vtype, post(`/types/${TYPE}/extra_specs`, ok({ extra_specs: { k: 'v' } }))] },
  { argv: ['volume', 'type', 'unset', '--property', 'k', TYPE], answers: [vtype, del(`/types/${TYPE}/extra_specs/k`)] },
  {
    argv: ['volume', 'type', 'access', 'list', TYPE],
    answers: [privateType, get(`/types/${TYPE}/os-volume-type-access`, ok({ volume_type_access: [{ project_id: OTHER_PROJECT }] }))],
  },
  {
    argv: ['volume', 'type', 'default', 'set', '--project', OTHER_PROJECT, TYPE],
    answers: [vtype, put(`/v3/default-types/${OTHER_PROJECT}`, ok({ default_type: { project_id: OTHER_PROJECT, volume_type_id: TYPE } }))],
  },
  { argv: ['volume', 'type', 'default', 'list'], answers: [get('/v3/default-types', ok({ default_types: [{ project_id: OTHER_PROJECT, volume_type_id: TYPE }] }))] },
  { argv: ['volume', 'type', 'default', 'unset', '--project', OTHER_PROJECT], answers: [del(`/v3/default-types/${OTHER_PROJECT}`)] },
  // volume service
  { argv: ['volume', 'service', 'list'], answers: [get('/os-services', ok({ services: [service] }))] },
  { argv: ['volume', 'service', 'set', '--disable', 'node1@lvm', 'cinder-volume'], answers: [put('/os-services/disable')] },
  { argv: ['volume', 'service', 'remove', '--dry-run', 'cinder-volume', 'node2@lvm'], answers: [get('/os-services', ok({ services: [downService] }))] },
  // volume snapshot
  { argv: ['volume', 'snapshot', 'create', '--volume', VOL, 'snap1'], answers: [vol, post('/snapshots', ok({ snapshot }))] },
  { argv: ['volume', 'snapshot', 'list'], answers: [get('/snapshots/detail', ok({ snapshots: [snapshot] }))] },
  { argv: ['volume', 'snapshot', 'show', SNAP], answers: [snap, fallback(get('/snapshots/detail', ok({ snapshots: [] })))], refuse: snap[0], refusals: notFound('snapshot', SNAP) },
  { argv: ['volume', 'snapshot', 'set', '--name', 'snap2', SNAP], answers: [snap, put(`/snapshots/${SNAP}`, ok({ snapshot }))] },
  { argv: ['volume', 'snapshot', 'unset', '--property', 'k', SNAP], answers: [snap, del(`/snapshots/${SNAP}/metadata/k`)] },
  { argv: ['volume', 'snapshot', 'delete', SNAP], answers: [snap, del(`/snapshots/${SNAP}`)] },
  // volume attachment
  { argv: ['volume', 'attachment', 'list'], answers: [get('/attachments/detail', ok({ attachments: [attachment] }))] },
  { argv: ['volume', 'attachment', 'show', ATTACHMENT], answers: [get(`/attachments/${ATTACHMENT}`, ok({ attachment }))] },
  { argv: ['volume', 'attachment', 'create', VOL, SERVER], answers: [vol, post('/attachments', ok({ attachment }))] },
  { argv: ['volume', 'attachment', 'set', '--initiator', 'iqn.x', ATTACHMENT], answers: [put(`/attachments/${ATTACHMENT}`, ok({ attachment }))] },
  { argv: ['volume', 'attachment', 'complete', ATTACHMENT], answers: [post(`/attachments/${ATTACHMENT}/action`)] },
  { argv: ['volume', 'attachment', 'delete', ATTACHMENT], answers: [del(`/attachments/${ATTACHMENT}`)] },
  // volume host
  { argv: ['volume', 'host', 'set', '--disable', 'node1@lvm'], answers: [put('/os-services/freeze')] },
  { argv: ['volume', 'host', 'failover', '--volume-backend', 'secondary', 'node1@lvm'], answers: [put('/os-services/failover')] },
  // volume transfer request
  { argv: ['volume', 'transfer', 'request', 'create', VOL], answers: [vol, post('/volume-transfers', ok({ transfer: { ...transfer, auth_key: 'k' } }))] },
  { argv: ['volume', 'transfer', 'request', 'accept', '--auth-key', 'k', TRANSFER], answers: [post(`/volume-transfers/${TRANSFER}/accept`, ok({ transfer }))] },
  { argv: ['volume', 'transfer', 'request', 'list'], answers: [get('/volume-transfers/detail', ok({ transfers: [transfer] }))] },
  {
    argv: ['volume', 'transfer', 'request', 'show', TRANSFER],
    answers: [xfer, fallback(get('/volume-transfers/detail', ok({ transfers: [] })))],
    refuse: xfer[0],
    refusals: notFound('volume transfer request', TRANSFER),
  },
  { argv: ['volume', 'transfer', 'request', 'delete', TRANSFER], answers: [xfer, del(`/volume-transfers/${TRANSFER}`)] },
  // volume qos
  { argv: ['volume', 'qos', 'create', 'gold'], answers: [post('/qos-specs', ok({ qos_specs: qos }))] },
  // A specification deleted between the listing and its associations is listed without them (404).
  {
    argv: ['volume', 'qos', 'list'],
    answers: [get('/qos-specs', ok({ qos_specs: [qos] })), get(`/qos-specs/${QOS}/associations`, ok({ qos_associations: [] }))],
    refuse: 'GET /qos-specs',
  },
  { argv: ['volume', 'qos', 'show', QOS], answers: [qosSpec, get(`/qos-specs/${QOS}/associations`, ok({ qos_associations: [] }))] },
  { argv: ['volume', 'qos', 'set', '--property', 'k=v', QOS], answers: [qosSpec, put(`/qos-specs/${QOS}`)] },
  { argv: ['volume', 'qos', 'unset', '--property', 'k', QOS], answers: [qosSpec, put(`/qos-specs/${QOS}/delete_keys`)] },
  { argv: ['volume', 'qos', 'delete', QOS], answers: [qosSpec, del(`/qos-specs/${QOS}`)] },
  { argv: ['volume', 'qos', 'associate', QOS, TYPE], answers: [qosSpec, vtype, get(`/qos-specs/${QOS}/associate`, accepted)] },
  { argv: ['volume', 'qos', 'disassociate', '--all', QOS], answers: [qosSpec, get(`/qos-specs/${QOS}/disassociate_all`, accepted)] },
  // volume backup
  { argv: ['volume', 'backup', 'create', VOL], answers: [vol, post('/backups', ok({ backup }))] },
  { argv: ['volume', 'backup', 'list'], answers: [get('/backups/detail', ok({ backups: [backup] }))] },
  { argv: ['volume', 'backup', 'show', BACKUP], answers: [bak, fallback(get('/backups/detail', ok({ backups: [] })))], refuse: bak[0], refusals: notFound('backup', BACKUP) },
  { argv: ['volume', 'backup', 'set', '--name', 'bk2', BACKUP], answers: [bak, put(`/backups/${BACKUP}`, ok({ backup }))] },
  { argv: ['volume', 'backup', 'unset', '--property', 'k', BACKUP], answers: [bak, put(`/backups/${BACKUP}`, ok({ backup }))] },
  { argv: ['volume', 'backup', 'delete', BACKUP], answers: [bak, del(`/backups/${BACKUP}`)] },
  {
    argv: ['volume', 'backup', 'restore', '--force', BACKUP, VOL],
    answers: [bak, vol, post(`/backups/${BACKUP}/restore`, ok({ restore: { backup_id: BACKUP, volume_id: VOL, volume_name: 'vol1' } }))],
  },
  {
    argv: ['volume', 'backup', 'record', 'export', BACKUP],
    answers: [bak, get(`/backups/${BACKUP}/export_record`, ok({ 'backup-record': { backup_service: 's', backup_url: 'u' } }))],
  },
  { argv: ['volume', 'backup', 'record', 'import', 's', 'u'], answers: [post('/backups/import_record', ok({ backup }))] },
  // volume backend
  { argv: ['volume', 'backend', 'pool', 'list'], answers: [get('/scheduler-stats/get_pools', ok({ pools: [pool] }))] },
  {
    argv: ['volume', 'backend', 'capability', 'show', 'node1@lvm'],
    answers: [get('/capabilities/node1%40lvm', ok({ namespace: 'OS::Storage::Capabilities::node1@lvm', volume_backend_name: 'lvm', properties: {} }, { envelope: 'properties' }))],
  },
  // volume message
  { argv: ['volume', 'message', 'list'], answers: [get('/messages', ok({ messages: [message] }))] },
  { argv: ['volume', 'message', 'show', MESSAGE], answers: [get(`/messages/${MESSAGE}`, ok({ message }))] },
  { argv: ['volume', 'message', 'delete', MESSAGE], answers: [del(`/messages/${MESSAGE}`)] },
  // volume group
  {
    argv: ['volume', 'group', 'create', '--volume-group-type', GROUP_TYPE, '--volume-type', TYPE, '--name', 'grp1'],
    answers: [gtype, vtype, post('/groups', ok({ group: { id: GROUP, name: 'grp1' } })), grp],
    refuse: 'POST /groups',
  },
  { argv: ['volume', 'group', 'list'], answers: [get('/groups/detail', ok({ groups: [group] }))] },
  { argv: ['volume', 'group', 'show', GROUP], answers: [grp, fallback(get('/groups/detail', ok({ groups: [] })))], refuse: grp[0], refusals: notFound('volume group', GROUP) },
  { argv: ['volume', 'group', 'set', '--name', 'grp2', GROUP], answers: [grp, put(`/groups/${GROUP}`)] },
  { argv: ['volume', 'group', 'delete', GROUP], answers: [grp, post(`/groups/${GROUP}/action`)] },
  { argv: ['volume', 'group', 'failover', GROUP], answers: [grp, post(`/groups/${GROUP}/action`)] },
  { argv: ['volume', 'group', 'replication', 'target', 'list', GROUP], answers: [grp, post(`/groups/${GROUP}/action`, ok({ replication_targets: [{ backend_id: 'b' }] }))] },
  { argv: ['volume', 'group', 'type', 'create', 'gt1'], answers: [post('/group_types', ok({ group_type: groupType }))] },
  { argv: ['volume', 'group', 'type', 'list'], answers: [get('/group_types', ok({ group_types: [groupType] }))] },
  {
    argv: ['volume', 'group', 'type', 'show', GROUP_TYPE],
    answers: [gtype, fallback(get('/group_types', ok({ group_types: [] })))],
    refuse: gtype[0],
    refusals: notFound('volume group type', GROUP_TYPE),
  },
  { argv: ['volume', 'group', 'type', 'set', '--name', 'gt2', GROUP_TYPE], answers: [gtype, put(`/group_types/${GROUP_TYPE}`, ok({ group_type: groupType }))] },
  { argv: ['volume', 'group', 'type', 'unset', '--property', 'k', GROUP_TYPE], answers: [gtype, del(`/group_types/${GROUP_TYPE}/group_specs/k`)] },
  { argv: ['volume', 'group', 'type', 'delete', GROUP_TYPE], answers: [gtype, del(`/group_types/${GROUP_TYPE}`)] },
  { argv: ['volume', 'group', 'snapshot', 'create', GROUP], answers: [grp, post('/group_snapshots', ok({ group_snapshot: groupSnapshot }))] },
  { argv: ['volume', 'group', 'snapshot', 'list'], answers: [get('/group_snapshots/detail', ok({ group_snapshots: [groupSnapshot] }))] },
  {
    argv: ['volume', 'group', 'snapshot', 'show', GROUP_SNAP],
    answers: [gsnap, fallback(get('/group_snapshots/detail', ok({ group_snapshots: [] })))],
    refuse: gsnap[0],
    refusals: notFound('volume group snapshot', GROUP_SNAP),
  },
  { argv: ['volume', 'group', 'snapshot', 'delete', GROUP_SNAP], answers: [gsnap, del(`/group_snapshots/${GROUP_SNAP}`)] },
  { argv: ['volume', 'group', 'add', 'volume', GROUP, VOL], answers: [grp, vol, put(`/groups/${GROUP}`)] },
  { argv: ['volume', 'group', 'remove', 'volume', GROUP, VOL], answers: [grp, vol, put(`/groups/${GROUP}`)] },
  // status and the host-side commands
  {
    argv: ['status'],
    answers: [
      get('/os-services', ok({ services: [service] })),
      get('/scheduler-stats/get_pools', ok({ pools: [pool] })),
      get('/volumes/detail', ok({ volumes: [] })),
      get('/snapshots/detail', ok({ snapshots: [] })),
      get('/backups/detail', ok({ backups: [] })),
      get('/clusters/detail', ok({ clusters: [] })),
      get('/attachments/detail', ok({ attachments: [] })),
    ],
    refuse: 'GET /volumes/detail',
  },
  { argv: ['init-connect', VOL], host: async () => undefined, answers: [vol, post(VOLUME_ACTION, ok({ connection_info: { driver_volume_type: 'iscsi', data: ISCSI_DATA } }))] },
  { argv: ['connect', '--attach', 'vol1'], host: initialized, answers: [get(`/volumes/${HOST_VOLUME}`, ok({ volume: { ...volume, id: HOST_VOLUME } })), post(HOST_VOLUME_ACTION)] },
  { argv: ['disconnect', 'vol1'], host: attached, answers: [post(HOST_VOLUME_ACTION)] },
  { argv: ['term-connect', 'vol1'], host: initialized, answers: [post(HOST_VOLUME_ACTION)] },
  {
    argv: ['connection', 'check'],
    host: initialized,
    answers: [get(`/volumes/${HOST_VOLUME}`, ok({ volume: { ...volume, id: HOST_VOLUME } })), get('/volumes/detail', ok({ volumes: [] }))],
  },
  { argv: ['completion', 'names', 'volume'], tab: true, answers: [get('/volumes/detail', ok({ volumes: [volume] }))], env: { XDG_CACHE_HOME: tempDir('error-paths-names') } },
  // cluster, block storage
  { argv: ['block', 'storage', 'cluster', 'list'], answers: [get('/clusters', ok({ clusters: [cluster] }))] },
  { argv: ['block', 'storage', 'cluster', 'show', 'c1@lvm'], answers: [get('/clusters/c1%40lvm', ok({ cluster }))] },
  { argv: ['block', 'storage', 'cluster', 'set', '--disable', 'c1@lvm'], answers: [put('/clusters/disable', ok({ cluster }))] },
  {
    argv: ['block', 'storage', 'cluster', 'remove', '--dry-run', 'c1@lvm'],
    answers: [get('/clusters/c1%40lvm', ok({ cluster: { ...cluster, state: 'down' } }))],
    refusals: { 404: { code: 1, stderr: /Cinder lists no cinder-volume cluster 'c1@lvm' .*use --no-api-check/ } },
  },
  { argv: ['block', 'storage', 'cleanup'], answers: [post('/workers/cleanup', ok({ cleaning: [], unavailable: [] }, { envelope: 'cleaning' }))] },
  { argv: ['block', 'storage', 'resource', 'filter', 'list'], answers: [get('/resource_filters', ok({ resource_filters: [{ resource: 'volume', filters: ['name'] }] }))] },
  {
    argv: ['block', 'storage', 'resource', 'filter', 'show', 'volume'],
    answers: [get('/resource_filters', ok({ resource_filters: [{ resource: 'volume', filters: ['name'] }] }))],
  },
  { argv: ['block', 'storage', 'volume', 'manageable', 'list', 'node1@lvm#lvm'], answers: [get('/manageable_volumes', ok({ 'manageable-volumes': [] }))] },
  { argv: ['block', 'storage', 'snapshot', 'manageable', 'list', 'node1@lvm#lvm'], answers: [get('/manageable_snapshots', ok({ 'manageable-snapshots': [] }))] },
  {
    argv: ['block', 'storage', 'log', 'level', 'list'],
    answers: [put('/os-services/get-log', ok({ log_levels: [{ binary: 'cinder-api', host: 'node1', levels: { cinder: 'INFO' } }] }))],
  },
  { argv: ['block', 'storage', 'log', 'level', 'set', 'DEBUG'], answers: [put('/os-services/set-log')] },
  // the rest
  { argv: ['availability', 'zone', 'list'], answers: [get('/os-availability-zone', ok({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] }))] },
  { argv: ['limits', 'show', '--absolute'], answers: [get('/limits', ok({ limits: { absolute: { maxTotalVolumes: 10 }, rate: [] } }))] },
  { argv: ['quota', 'show'], answers: [get(`/os-quota-sets/${'0123456789abcdef0123456789abcdef'}`, ok({ quota_set: quotaSet }))] },
  {
    argv: ['quota', 'list', '--project', OTHER_PROJECT],
    answers: [get(`/os-quota-sets/${OTHER_PROJECT}/defaults`, ok({ quota_set: quotaSet })), get(`/os-quota-sets/${OTHER_PROJECT}`, ok({ quota_set: { ...quotaSet, volumes: 5 } }))],
    // openstack's behaviour: a project Cinder does not know is skipped with a warning.
    refusals: { 404: { code: 0, stderr: /^ucinder: warning: project 5+ not found: refused GET \/os-quota-sets\/5+ with itemNotFound \(HTTP 404\)\n$/ } },
  },
  { argv: ['quota', 'set', '--volumes', '5', OTHER_PROJECT], answers: [put(`/os-quota-sets/${OTHER_PROJECT}`, ok({ quota_set: quotaSet }))] },
  { argv: ['quota', 'delete', OTHER_PROJECT], answers: [del(`/os-quota-sets/${OTHER_PROJECT}`)] },
  { argv: ['image', 'list'], answers: [get('/v2/images', ok({ images: [{ id: 'i1', name: 'cirros', status: 'active' }] }))], env: { OS_IMAGE_ENDPOINT: GLANCE } },
  {
    argv: ['image', 'create', '--volume', VOL, 'img1'],
    answers: [vol, post(VOLUME_ACTION, ok({ 'os-volume_upload_image': { id: VOL, status: 'uploading', image_id: 'i1', image_name: 'img1' } }))],
  },
  {
    argv: ['token', 'issue'],
    answers: [keystoneToken],
    env: KEYSTONE_ENV,
    refusals: { 404: { code: 1, stderr: /no Keystone v3 API at http:\/\/keystone\.test:5000\/v3 \(HTTP 404\)/ } },
  },
  { argv: ['token', 'revoke', 'other-token'], answers: [keystoneToken, del('/v3/auth/tokens')], env: KEYSTONE_ENV },
  {
    argv: ['versions', 'show'],
    answers: [get('/', { status: 300, body: { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] } })],
    missing: { 'GET /': /http:\/\/cinder\.test:8776\/ did not list API versions \(GET \/ answered HTTP 300\)/ },
  },
  { argv: ['extension', 'list'], answers: [get('/extensions', ok({ extensions: [{ name: 'Backups', alias: 'backups', description: 'Backups' }] }))] },
];

/** Other names of the same commands: `type …` is `volume type …`, and so on. */
const ALIASES: [string, string][] = [
  ['type ', 'volume type '],
  ['service ', 'volume service '],
  ['backend list', 'volume backend pool list'],
  ['cluster ', 'block storage cluster '],
  ['message ', 'volume message '],
];

/** Commands that send no request of their own. */
const NO_REQUEST = new Set([
  'completion bash',
  'completion zsh',
  'completion fish',
  'shell',
  'help',
  // The console's requests are its views' (test/unit/top): each refusal is shown in its header, not an exit code.
  'top',
  'connector show',
  'connection list',
  'connection show',
]);

/** Cinder's fault names by status (cinder/api/openstack/wsgi.py). */
const FAULTS: Record<number, string> = { 400: 'badRequest', 403: 'forbidden', 404: 'itemNotFound', 409: 'conflictingRequest', 413: 'overLimit', 500: 'computeFault' };

/**
 * Every row is refused with 404, the status ucinder reads the most meaning
 * into (a name lookup, "already gone", a skipped project), and with one of
 * the others in turn, so each of them refuses some twenty commands: every
 * status of every command would be 640 runs of the whole program for what
 * one `throw` path shows (each run builds the command tree: ~15 ms).
 */
const ROTATED_REFUSALS = [400, 403, 409, 413, 500];
const refusalsOf = (index: number) => [404, ROTATED_REFUSALS[index % ROTATED_REFUSALS.length]!];

/** Cinder's words for a refusal of `key`, naming it so the test knows which request was refused. */
function refusal(status: number, fault: string, key: RequestKey): { answer: Answer; words: string } {
  const words = `refused ${key} with ${fault}`;
  return { answer: { status, body: { [fault]: { code: status, message: words } } }, words };
}

function commandOf(row: Row): string {
  return leafCommands().find((command) => row.argv.join(' ').startsWith(`${command} `) || row.argv.join(' ') === command) ?? row.argv.join(' ');
}

const walk = (command: Command, path: string[]): string[] =>
  command.commands.length === 0 ? [path.join(' ')] : command.commands.flatMap((sub) => walk(sub, [...path, sub.name()]));
// Longest first: `volume type list` before `volume type`.
const LEAVES = walk(await realProgram(), []).sort((a, b) => b.length - a.length);
function leafCommands(): string[] {
  return LEAVES;
}

async function runRow(row: Row, changed: RequestKey | undefined, instead: Answer | undefined) {
  const { agent } = newAgent();
  const routed = route(agent, new Map(row.answers), changed, instead);
  let result: RunResult;
  if (row.host) {
    const host = fakeHost();
    await row.host(host);
    result = await host.run(row.argv, agent, row.env);
  } else {
    result = await run(row.argv, agent, { env: row.env });
  }
  return { ...result, ...routed, changed };
}

/** TAB completion's outcome of any failure: no names, nothing said, exit 0. */
const QUIET: Outcome = { code: 0, stderr: /^$/ };

function expectFailure(result: Awaited<ReturnType<typeof runRow>>, words: string | RegExp) {
  const shown = `stderr: ${result.stderr}\nrequests: ${result.seen.join(', ')}`;
  expect(result.unexpected, shown).toEqual([]);
  expect(result.seen, shown).toContain(result.changed);
  expect(result.code, shown).toBe(1);
  expect(result.stdout, shown).toBe('');
  if (typeof words === 'string') expect(result.stderr, shown).toContain(words);
  else expect(result.stderr, shown).toMatch(words);
  expect(result.stderr, shown).not.toMatch(/unexpected error|TypeError|\n\s+at /);
}

function expectOutcome(result: Awaited<ReturnType<typeof runRow>>, outcome: Outcome) {
  const shown = `stderr: ${result.stderr}\nrequests: ${result.seen.join(', ')}`;
  expect(result.unexpected, shown).toEqual([]);
  expect(result.seen, shown).toContain(result.changed);
  expect(result.code, shown).toBe(outcome.code);
  if (outcome === QUIET) expect(result.stdout, shown).toBe('');
  expect(result.stderr, shown).toMatch(outcome.stderr);
  expect(result.stderr, shown).not.toMatch(/unexpected error|TypeError|\n\s+at /);
}

/** The malformed answers to a request whose envelope is `key` (an object or a list), and what ucinder must say. */
/**
 * The malformed answers to a request whose envelope is `key` (an object or
 * a list), and what ucinder must say: `{}`, and a list with a null item or
 * an object of the wrong type (a list or a string, in turn by `nth`).
 */
function malformed(key: RequestKey, envelope: { key: string; kind: 'object' | 'list' }, nth: number): { name: string; key: RequestKey; body: object; words: string }[] {
  const request = `${key.split(' ')[0]} ${fullPath(key)}`;
  const missing = `${request} answered without a '${envelope.key}' ${envelope.kind}`;
  const empty = { name: `${key}: {}`, key, body: {}, words: missing };
  if (envelope.kind === 'list') {
    return [
      empty,
      { name: `${key}: an item null`, key, body: { [envelope.key]: [volume, null] }, words: `${request} answered a '${envelope.key}' list whose item 2 is null, not an object` },
    ];
  }
  const [kind, value] = nth % 2 ? (['a list', []] as const) : (['a string', 'text'] as const);
  return [empty, { name: `${key}: '${envelope.key}' ${kind}`, key, body: { [envelope.key]: value }, words: `${missing} ('${envelope.key}' is ${kind})` }];
}

describe('error paths of every command that sends a request', () => {
  it('the table has a row for every such command of the tree, and no row for a command that is gone', () => {
    const canonical = (command: string) => ALIASES.reduce((name, [alias, target]) => (name.startsWith(alias) ? target + name.slice(alias.length) : name), command);
    const covered = new Set(ROWS.map(commandOf));
    const missing = leafCommands().filter((command) => !NO_REQUEST.has(command) && !covered.has(canonical(command)));
    expect(missing).toEqual([]);
    expect([...covered].filter((command) => !leafCommands().includes(command))).toEqual([]);
  });

  /**
   * Every answer a command reads is tried as `{}`; the other malformed
   * shapes only in the first row that reads that request (later rows read
   * it through the same resource function, so through the same check).
   */
  const mangled = new Set<RequestKey>();
  describe.each(ROWS.map((row, index) => [commandOf(row), row, index] as const))('%s', (_command, row, index) => {
    const refused = row.refuse ?? row.answers.at(-1)![0];
    it.each(refusalsOf(index))(`refused with %i`, async (status) => {
      const { answer, words } = refusal(status, FAULTS[status]!, refused);
      const result = await runRow(row, refused, answer);
      const instead = row.tab ? QUIET : row.refusals?.[status];
      if (instead) expectOutcome(result, instead);
      else expectFailure(result, `${words} (HTTP ${status})`);
    });

    const reads = row.answers.flatMap(([key, answer]) => {
      const envelope = envelopeOf(answer);
      if (!envelope) return [];
      const [empty, ...others] = malformed(key, envelope, mangled.size);
      if (mangled.has(key) && !row.tab) return [empty!];
      mangled.add(key);
      return [empty!, ...others];
    });
    if (reads.length) {
      it.each(reads.map((read) => [read.name, read] as const))('malformed: %s', async (_name, read) => {
        const healthy = new Map(row.answers).get(read.key)!;
        const result = await runRow(row, read.key, { ...healthy, body: read.body });
        if (row.tab) return expectOutcome(result, QUIET);
        expectFailure(result, (read.body && Object.keys(read.body).length === 0 && row.missing?.[read.key]) || read.words);
      });
    }
  });
});
