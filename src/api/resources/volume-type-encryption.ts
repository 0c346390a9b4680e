import type { CinderSession } from '../session.js';

/** Where a volume's encryption happens: the hypervisor (front-end) or the backend. */
export const ENCRYPTION_CONTROL_LOCATIONS = ['front-end', 'back-end'] as const;

/** A volume type's encryption, as Cinder sends it (GET /types/{id}/encryption). */
export type TypeEncryption = Record<string, string | number | boolean | null>;

export interface TypeEncryptionRequest {
  provider?: string;
  cipher?: string | null;
  key_size?: number | null;
  control_location?: string;
}

const path = (typeId: string) => `/types/${encodeURIComponent(typeId)}/encryption`;

/**
 * The type's encryption, sent without an envelope; {} when it has none (as
 * Cinder answers: a proxy's {} cannot be told from it).
 */
export async function getTypeEncryption(session: CinderSession, typeId: string): Promise<TypeEncryption> {
  return (await session.get(path(typeId))).whole<TypeEncryption>();
}

export async function createTypeEncryption(session: CinderSession, typeId: string, request: TypeEncryptionRequest): Promise<TypeEncryption> {
  return (await session.post(path(typeId), { encryption: request })).object<TypeEncryption>('encryption');
}

/** Cinder answers 404 when the type has no encryption to update. */
export async function updateTypeEncryption(session: CinderSession, typeId: string, request: TypeEncryptionRequest): Promise<TypeEncryption> {
  // The last path segment names no resource; cinderclient sends "provider" and so do we.
  return (await session.put(`${path(typeId)}/provider`, { encryption: request })).object<TypeEncryption>('encryption');
}

/** Refused (400) while volumes of the type exist. */
export function deleteTypeEncryption(session: CinderSession, typeId: string): Promise<void> {
  return session.delete(`${path(typeId)}/provider`);
}
