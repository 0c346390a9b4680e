import { AmbiguousNameError, NotFoundError } from '../../errors.js';
import type { GlanceClient } from '../glance.js';

export interface Image {
  id: string;
  name: string | null;
  status: string;
  disk_format?: string | null;
  container_format?: string | null;
  size?: number | null;
  min_disk?: number;
  visibility?: string;
  protected?: boolean;
  owner?: string | null;
  checksum?: string | null;
  created_at?: string;
  [key: string]: unknown;
}

interface ImageFilters {
  name?: string;
  limit?: number;
}

/** Images visible to the caller, following Glance's `next` links. */
export async function listImages(glance: GlanceClient, filters: ImageFilters = {}): Promise<Image[]> {
  const images: Image[] = [];
  let query: Record<string, string | number | undefined> = { name: filters.name, limit: filters.limit };
  const seen = new Set<string>();
  for (;;) {
    const page = await glance.get('/v2/images', query);
    const listed = page.list<Image>('images');
    for (const image of listed) images.push(image); // not push(...): a huge page would overflow the stack
    if (filters.limit !== undefined && images.length >= filters.limit) return images.slice(0, filters.limit);
    // Path and query of the next page, e.g. "/v2/images?marker=…".
    const next = page.optionalString('next');
    if (!next || listed.length === 0 || seen.has(next)) return images;
    seen.add(next);
    // Only the next link's query is used: its path is relative to Glance's own idea of its URL.
    query = Object.fromEntries(new URL(next, 'http://glance.invalid').searchParams);
  }
}

/**
 * Glance sends an image without an envelope: the body must at least be an
 * object with the image's id and status, or a proxy's `200 {}` would read as
 * an image in no status.
 */
export async function getImage(glance: GlanceClient, id: string): Promise<Image> {
  const answer = await glance.get(`/v2/images/${encodeURIComponent(id)}`);
  answer.string('id');
  answer.string('status');
  return answer.whole<Image>();
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function looksLikeImageId(text: string): boolean {
  return UUID.test(text);
}

/**
 * NAME|ID → image, as the other finders do: an ID-shaped argument is looked up
 * by ID first; otherwise (or when no image has that ID) by exact name.
 */
export async function findImage(glance: GlanceClient, nameOrId: string): Promise<Image> {
  if (looksLikeImageId(nameOrId)) {
    const byId = await getImage(glance, nameOrId).catch((error: unknown) => {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    });
    if (byId) return byId;
  }
  const matches = await listImages(glance, { name: nameOrId });
  const exact = matches.filter((image) => image.name === nameOrId);
  if (exact.length === 1) return exact[0]!;
  if (exact.length === 0) throw new NotFoundError('image', nameOrId);
  throw new AmbiguousNameError(
    'image',
    nameOrId,
    exact.map((image) => image.id),
  );
}
