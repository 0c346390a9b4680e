import { UsageError } from '../errors.js';

/** A project id as Cinder accepts in URLs (hex, optionally with dashes). */
const PROJECT_ID_PATTERN = /^[0-9a-fA-F-]+$/;
const VERSIONED_PATH = /\/v3(?:\/([^/]+))?\/?$/;

interface ParsedEndpoint {
  /** Endpoint ending in /v3 or /v3/{project}. */
  url: string;
  /** The project id found in or added to the URL. */
  projectId?: string;
}

/**
 * Normalizes --os-endpoint: `http://host:8776` becomes
 * `http://host:8776/v3/<project>` (or `/v3` when no project is known);
 * `.../v3` and `.../v3/<project>` are kept; a trailing slash is dropped.
 */
export function normalizeEndpoint(raw: string, projectId?: string): ParsedEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new UsageError(`invalid --os-endpoint '${raw}': expected a URL such as http://controller:8776`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`invalid --os-endpoint '${raw}': only http and https URLs are supported`);
  }
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  const match = VERSIONED_PATH.exec(parsed.pathname.replace(/\/+$/, ''));
  if (match) {
    const inUrl = match[1];
    return { url: base, projectId: inUrl ?? projectId };
  }
  if (/\/v[12](\/|$)/.test(parsed.pathname)) {
    throw new UsageError(`--os-endpoint '${raw}' points at a v1/v2 API; ucinder speaks Block Storage v3`);
  }
  if (projectId !== undefined && !PROJECT_ID_PATTERN.test(projectId)) {
    throw new UsageError(`project id '${projectId}' cannot go into the endpoint URL: Cinder expects a hex id (set --os-project-id / OS_PROJECT_ID)`);
  }
  return { url: projectId ? `${base}/v3/${projectId}` : `${base}/v3`, projectId };
}

/**
 * The endpoint with another project: `…/v3/<old>` becomes `…/v3/<projectId>`;
 * undefined when the endpoint names no project (the session adds it).
 */
export function withEndpointProject(endpoint: string, projectId: string): string | undefined {
  const parsed = normalizeEndpoint(endpoint);
  if (!parsed.projectId) return undefined;
  return `${parsed.url.slice(0, parsed.url.length - parsed.projectId.length)}${projectId}`;
}

/** The unversioned root of an endpoint, where `GET /` lists the API versions. */
export function endpointRoot(endpoint: string): string {
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, '').replace(VERSIONED_PATH, '');
  return `${url.origin}${path}/`;
}
