import type { CinderSession } from '../session.js';

/**
 * Volume transfers: the owner creates one (Cinder answers with an auth key,
 * shown once), another project accepts it with the ID and the key and the
 * volume becomes theirs.
 */

/** /volume-transfers (and `no_snapshots`) from here; /os-volume-transfer before. */
export const TRANSFERS_V355 = '3.55';

export interface Transfer {
  id: string;
  name: string | null;
  volume_id: string;
  created_at?: string;
  /** In the answer to create only. */
  auth_key?: string;
  /** 3.57+ */
  source_project_id?: string;
  destination_project_id?: string | null;
  accepted?: boolean;
  links?: unknown;
  [field: string]: unknown;
}

export interface TransferCreateRequest {
  volume_id: string;
  name?: string;
  /** 3.55+: leave the volume's snapshots behind (they block the transfer otherwise). */
  no_snapshots?: boolean;
}

function transfersPath(session: CinderSession, suffix = ''): string {
  return `${session.supports(TRANSFERS_V355) ? '/volume-transfers' : '/os-volume-transfer'}${suffix}`;
}

function transferPath(session: CinderSession, id: string, suffix = ''): string {
  return transfersPath(session, `/${encodeURIComponent(id)}${suffix}`);
}

export async function createTransfer(session: CinderSession, request: TransferCreateRequest): Promise<Transfer> {
  return (await session.post(transfersPath(session), { transfer: request })).object<Transfer>('transfer');
}

export async function getTransfer(session: CinderSession, id: string): Promise<Transfer> {
  return (await session.get(transferPath(session, id))).object<Transfer>('transfer');
}

export function listTransfers(session: CinderSession, filters: { allProjects?: boolean } = {}): Promise<Transfer[]> {
  return session.list<Transfer>(transfersPath(session, '/detail'), 'transfers', {
    query: { all_tenants: filters.allProjects ? 1 : undefined },
  });
}

export function deleteTransfer(session: CinderSession, id: string): Promise<void> {
  return session.delete(transferPath(session, id));
}

/** Done by the receiving project; answers with the transfer's id, name and volume_id. */
export async function acceptTransfer(session: CinderSession, id: string, authKey: string): Promise<Transfer> {
  return (await session.post(transferPath(session, id, '/accept'), { accept: { auth_key: authKey } })).object<Transfer>('transfer');
}
