import type { CinderSession } from '../session.js';

/** A Block Storage API extension (GET /extensions). Cinder sends no namespace. */
export interface Extension {
  name: string;
  alias: string;
  description: string;
  updated?: string;
  namespace?: string;
  links?: unknown[];
}

export async function listExtensions(session: CinderSession): Promise<Extension[]> {
  return (await session.get('/extensions')).list<Extension>('extensions');
}
