import type { CinderSession } from '../session.js';

/** A project's own default volume type (3.62+), as Cinder sends it. */
export interface DefaultType {
  project_id: string;
  volume_type_id: string;
}

// Cinder routes default types at the version root only (no project ID in the URL).
const path = (projectId?: string) => (projectId === undefined ? '/default-types' : `/default-types/${encodeURIComponent(projectId)}`);

/** Cinder answers 404 when the project has no default of its own. */
export async function getDefaultType(session: CinderSession, projectId: string): Promise<DefaultType> {
  return (await session.projectless('GET', path(projectId))).object<DefaultType>('default_type');
}

export async function listDefaultTypes(session: CinderSession): Promise<DefaultType[]> {
  return (await session.projectless('GET', path())).list<DefaultType>('default_types');
}

export async function setDefaultType(session: CinderSession, projectId: string, volumeTypeId: string): Promise<DefaultType> {
  return (await session.projectless('PUT', path(projectId), { body: { default_type: { volume_type: volumeTypeId } } })).object<DefaultType>('default_type');
}

export async function unsetDefaultType(session: CinderSession, projectId: string): Promise<void> {
  await session.projectless('DELETE', path(projectId));
}
