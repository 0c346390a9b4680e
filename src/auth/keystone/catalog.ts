import { UcinderError, UsageError } from '../../errors.js';
import type { CachedService } from '../../state/token-cache.js';

/** Block storage's official type first, then its aliases (os-service-types). */
const BLOCK_STORAGE_TYPES = ['block-storage', 'volumev3', 'volumev2', 'volume', 'block-store'] as const;

const INTERFACES = ['public', 'internal', 'admin'] as const;

class NoEndpointError extends UcinderError {
  override name = 'NoEndpointError';
}

/** --os-interface: public, internal or admin; the v2 spellings publicURL... too. */
export function normalizeInterface(value: string | undefined): string {
  if (value === undefined || value === '') return 'public';
  const plain = value.replace(/URL$/, '').toLowerCase();
  if (!(INTERFACES as readonly string[]).includes(plain)) {
    throw new UsageError(`invalid --os-interface '${value}': choose public, internal or admin`);
  }
  return plain;
}

interface EndpointChoice {
  interface?: string;
  region?: string;
}

/**
 * The block-storage URL from a Keystone catalog: the first service type of
 * BLOCK_STORAGE_TYPES with an endpoint on the wanted interface (and region,
 * when one is given). Errors name what the catalog does offer.
 */
export function findBlockStorageUrl(catalog: CachedService[], choice: EndpointChoice): string {
  const found = findServiceUrl(catalog, BLOCK_STORAGE_TYPES, choice);
  if (found) return found;
  const wanted = normalizeInterface(choice.interface);
  const where = `interface ${wanted}${choice.region ? `, region ${choice.region}` : ''}`;
  const blockStorage = catalog.filter((entry) => (BLOCK_STORAGE_TYPES as readonly string[]).includes(entry.type));
  if (blockStorage.length) {
    const offered = blockStorage.flatMap((service) =>
      service.endpoints.map((endpoint) => `${service.type} ${endpoint.interface}${endpoint.region ? ` in ${endpoint.region}` : ''}`),
    );
    throw new NoEndpointError(
      `no block-storage endpoint for ${where} in the service catalog; it has: ${offered.join(', ') || 'no endpoints'} (see --os-interface, --os-region-name)`,
    );
  }
  const types = [...new Set(catalog.map((entry) => entry.type))].sort();
  throw new NoEndpointError(
    `no block-storage endpoint in the service catalog (looked for ${BLOCK_STORAGE_TYPES.join(', ')}); ` +
      `service types found: ${types.join(', ') || 'none (is the token scoped to a project?)'}. Use --os-endpoint to name Cinder directly`,
  );
}

/**
 * The image service (Glance) URL from the catalog on the same interface and
 * region, if it has one: `image list` and `volume create --image NAME` use
 * it; nothing else needs Glance, so its absence is not an error here.
 */
export function findImageUrl(catalog: CachedService[], choice: EndpointChoice): string | undefined {
  return findServiceUrl(catalog, ['image'], choice);
}

/** The first endpoint on the wanted interface (and region) of the first of `types` that has one. */
function findServiceUrl(catalog: CachedService[], types: readonly string[], choice: EndpointChoice): string | undefined {
  const wanted = normalizeInterface(choice.interface);
  for (const type of types) {
    for (const service of catalog.filter((entry) => entry.type === type)) {
      const endpoint = service.endpoints.find((candidate) => candidate.interface === wanted && (!choice.region || candidate.region === choice.region));
      if (endpoint) return endpoint.url;
    }
  }
  return undefined;
}

const PROJECT_PLACEHOLDER = /[%$]\((project_id|tenant_id)\)s/;

/**
 * Makes a catalog (or override) URL a v3 endpoint for this project:
 * fills `%(project_id)s`, maps a v1/v2 registration (volumev2...) to v3 on
 * the same server, and adds the project to a bare `.../v3`, which every
 * Cinder release accepts (project-less URLs need Yoga or later).
 */
export function blockStorageUrlForProject(url: string, projectId: string | undefined): string {
  let result = url.replace(/\/+$/, '');
  if (PROJECT_PLACEHOLDER.test(result)) {
    if (!projectId) throw new NoEndpointError(`the block-storage endpoint ${url} needs a project, but the token is not project-scoped`);
    result = result.replace(new RegExp(PROJECT_PLACEHOLDER.source, 'g'), projectId);
  }
  result = result.replace(/\/v[12](?=\/|$)/, '/v3');
  if (projectId && /\/v3$/.test(new URL(result).pathname)) result = `${result}/${projectId}`;
  return result;
}
