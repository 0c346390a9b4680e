import type { CinderSession } from '../session.js';

/** Who enforces a QoS specification: the hypervisor (front-end), the backend, or both. */
export const QOS_CONSUMERS = ['front-end', 'back-end', 'both'] as const;
export type QosConsumer = (typeof QOS_CONSUMERS)[number];

/** A QoS specification as Cinder sends it (GET /qos-specs[/{id}]). */
export interface QosSpec {
  id: string;
  name: string;
  consumer: string;
  specs: Record<string, string>;
  [field: string]: unknown;
}

/** What a QoS specification is associated with (Cinder has volume types only). */
export interface QosAssociation {
  association_type: string;
  name: string;
  id: string;
}

const path = (id: string, rest = '') => `/qos-specs/${encodeURIComponent(id)}${rest}`;

export function listQosSpecs(session: CinderSession): Promise<QosSpec[]> {
  return session.list<QosSpec>('/qos-specs', 'qos_specs');
}

export async function getQosSpec(session: CinderSession, id: string): Promise<QosSpec> {
  return (await session.get(path(id))).object<QosSpec>('qos_specs');
}

/** Cinder takes the consumer and the specs side by side with the name. */
export async function createQosSpec(session: CinderSession, name: string, consumer: QosConsumer, specs: Record<string, string>): Promise<QosSpec> {
  return (await session.post('/qos-specs', { qos_specs: { ...specs, name, consumer } })).object<QosSpec>('qos_specs');
}

/** Adds or changes keys (PUT /qos-specs/{id}). */
export async function setQosKeys(session: CinderSession, id: string, specs: Record<string, string>): Promise<void> {
  await session.put(path(id), { qos_specs: specs });
}

export async function unsetQosKeys(session: CinderSession, id: string, keys: string[]): Promise<void> {
  await session.put(path(id, '/delete_keys'), { keys });
}

/** Without `force` Cinder refuses (400) a specification still associated with a type. */
export function deleteQosSpec(session: CinderSession, id: string, force: boolean): Promise<void> {
  return session.delete(path(id), { force: force ? 'True' : 'False' });
}

export async function listQosAssociations(session: CinderSession, id: string): Promise<QosAssociation[]> {
  return (await session.get(path(id, '/associations'))).list<QosAssociation>('qos_associations');
}

/** Cinder's (re)association calls are GETs with the type in the query. */
export async function associateQos(session: CinderSession, id: string, volumeTypeId: string): Promise<void> {
  await session.get(path(id, '/associate'), { vol_type_id: volumeTypeId });
}

export async function disassociateQos(session: CinderSession, id: string, volumeTypeId: string): Promise<void> {
  await session.get(path(id, '/disassociate'), { vol_type_id: volumeTypeId });
}

export async function disassociateAllQos(session: CinderSession, id: string): Promise<void> {
  await session.get(path(id, '/disassociate_all'));
}
