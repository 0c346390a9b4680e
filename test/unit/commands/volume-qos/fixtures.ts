import { BASE_PATH, type MockPool } from '../../helpers/harness.js';

/** QoS specifications the volume qos command tests share. */
export const QOS_ID = '77777777-0000-4000-8000-000000000007';
export const LIMITED = { id: QOS_ID, name: 'limited', consumer: 'front-end', specs: { read_iops_sec: '500', write_iops_sec: '200' } };
export const BARE = { id: 'q-bare', name: 'bare', consumer: 'both', specs: {} };
export const TYPE_ID = '66666666-0000-4000-8000-000000000006';

/** GET of QOS_ID: the specification 'limited'. */
export function stubQosById(pool: MockPool, spec: object = LIMITED): void {
  pool.intercept({ path: `${BASE_PATH}/qos-specs/${QOS_ID}`, method: 'GET' }).reply(200, { qos_specs: spec, links: [] });
}

/** GET of TYPE_ID: the volume type 'gold'. */
export function stubTypeById(pool: MockPool): void {
  pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold', is_public: true } });
}

export function stubAssociations(pool: MockPool, id: string, names: string[]): void {
  pool
    .intercept({ path: `${BASE_PATH}/qos-specs/${id}/associations`, method: 'GET' })
    .reply(200, { qos_associations: names.map((name, index) => ({ association_type: 'volume_type', name, id: `t-${index}` })) });
}
