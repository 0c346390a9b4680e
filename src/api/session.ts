import type { AuthPlugin, AuthResult } from './auth-plugin.js';
import { ApiError } from '../http/errors.js';
import type { HttpClient, HttpMethod, HttpResponse, Query } from '../http/http.js';
import { formatMicroversion, isAtLeast, type Microversion } from './microversion.js';
import { expiresSoon } from '../state/token-expiry.js';

export interface SessionRequest {
  query?: Query;
  body?: unknown;
  /** Overrides the negotiated microversion for this call. */
  microversion?: Microversion;
  /** Send to the version root (…/v3/PATH), without the project ID the endpoint may end with. */
  projectless?: boolean;
}

export interface ListOptions {
  query?: Query;
  /** Stop after this many items in total (--limit). */
  limit?: number;
  /** Ask for pages of this many items (the server caps it at osapi_max_limit). */
  pageSize?: number;
}

/** The server's newest microversion (undefined when it publishes no range) and whether the user pinned one. */
export interface Negotiation {
  serverMax?: Microversion;
  pinned: boolean;
}

/**
 * An authenticated conversation with one Cinder endpoint at one microversion.
 * Resource modules (resources/*.ts) build on its get/post/put/delete and
 * pagination; they never see tokens or headers.
 */
export class CinderSession {
  constructor(
    readonly http: HttpClient,
    private readonly authPlugin: AuthPlugin,
    readonly microversion: Microversion,
    /** Credentials already obtained while discovering the endpoint. */
    private auth?: AuthResult,
    /** How `microversion` was chosen: what a refusal names (version-requirement.ts). */
    readonly negotiation: Negotiation = { pinned: false },
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the negotiated microversion is at least `version` (e.g. "3.7"). */
  supports(version: string): boolean {
    return isAtLeast(this.microversion, version);
  }

  async endpoint(): Promise<string> {
    return (await this.credentials()).endpoint;
  }

  async projectId(): Promise<string | undefined> {
    return (await this.credentials()).projectId;
  }

  async projectName(): Promise<string | undefined> {
    return (await this.credentials()).projectName;
  }

  get<T>(path: string, query?: Query, microversion?: Microversion): Promise<T> {
    return this.call<T>('GET', path, { query, microversion }).then((response) => response.body);
  }

  post<T>(path: string, body: unknown, options: SessionRequest = {}): Promise<T> {
    return this.call<T>('POST', path, { ...options, body }).then((response) => response.body);
  }

  /**
   * A POST that starts an asynchronous operation; returns Cinder's request
   * ID, under which the scheduler and volume services log what the
   * operation did (and any user message about it carries it).
   */
  async postForRequestId(path: string, body: unknown): Promise<string | undefined> {
    return (await this.call('POST', path, { body })).requestId;
  }

  /** A POST whose answer and request ID are both needed (see postForRequestId). */
  async postWithRequestId<T>(path: string, body: unknown): Promise<{ body: T; requestId?: string }> {
    const response = await this.call<T>('POST', path, { body });
    return { body: response.body, requestId: response.requestId };
  }

  put<T>(path: string, body: unknown, options: SessionRequest = {}): Promise<T> {
    return this.call<T>('PUT', path, { ...options, body }).then((response) => response.body);
  }

  delete(path: string, query?: Query): Promise<void> {
    return this.call('DELETE', path, { query }).then(() => undefined);
  }

  /**
   * A call to a route Cinder serves only at the version root, whatever the
   * endpoint: /v3/default-types (3.62) answers 404 under /v3/{project_id}.
   */
  projectless<T>(method: HttpMethod, path: string, request: Omit<SessionRequest, 'projectless'> = {}): Promise<T> {
    return this.call<T>(method, path, { ...request, projectless: true }).then((response) => response.body);
  }

  /**
   * Yields one page at a time, following `<key>_links` "next" until the end.
   * Only the marker (and the other query parameters) of the next link is
   * used: the link's host is whatever Cinder believes its public URL is,
   * which behind proxies is often not the endpoint we were given.
   */
  async *pages<T>(path: string, key: string, options: ListOptions = {}): AsyncGenerator<T[]> {
    let query: Query = { ...options.query };
    let remaining = options.limit ?? Infinity;
    const pageLimit = () => (options.pageSize === undefined ? remaining : Math.min(options.pageSize, remaining));
    if (options.limit !== undefined || options.pageSize !== undefined) query.limit = pageLimit();
    const seenMarkers = new Set<string>();
    // A next link pointing back at the marker we started from would repeat the first page.
    if (query.marker !== undefined && query.marker !== null) seenMarkers.add(String(query.marker));
    while (remaining > 0) {
      const body = await this.get<Record<string, unknown>>(path, query);
      const items = ((body?.[key] as T[] | undefined) ?? []).slice(0, remaining);
      remaining -= items.length;
      if (items.length) yield items;
      const next = nextLinkQuery(body?.[`${key}_links`]);
      const marker = next?.marker;
      if (!next || items.length === 0 || (marker && seenMarkers.has(String(marker)))) return;
      if (marker) seenMarkers.add(String(marker));
      query = { ...query, ...next };
      if (options.limit !== undefined || options.pageSize !== undefined) query.limit = pageLimit();
    }
  }

  /** Every item of a collection, across pages. */
  async list<T>(path: string, key: string, options: ListOptions = {}): Promise<T[]> {
    const all: T[] = [];
    // Item by item: push(...page) passes a page as arguments, which a huge page overflows.
    for await (const page of this.pages<T>(path, key, options)) for (const item of page) all.push(item);
    return all;
  }

  private async call<T>(method: HttpMethod, path: string, request: SessionRequest): Promise<HttpResponse<T>> {
    const first = await this.credentials();
    try {
      return await this.send<T>(method, path, request, first);
    } catch (error) {
      // A cached Keystone token may have been revoked: authenticate again, once.
      if (error instanceof ApiError && error.status === 401 && (await this.authPlugin.invalidate())) {
        this.auth = undefined;
        return this.send<T>(method, path, request, await this.credentials());
      }
      throw error;
    }
  }

  private send<T>(method: HttpMethod, path: string, request: SessionRequest, auth: AuthResult): Promise<HttpResponse<T>> {
    const version = request.microversion ?? this.microversion;
    return this.http.request<T>({
      method,
      url: `${request.projectless ? versionRoot(auth.endpoint) : auth.endpoint}${path}`,
      query: request.query,
      body: request.body,
      headers: {
        'X-Auth-Token': auth.token,
        'OpenStack-API-Version': `volume ${formatMicroversion(version)}`,
      },
    });
  }

  private async credentials(): Promise<AuthResult> {
    // The shell keeps this session for hours: a token about to expire is renewed first.
    if (!this.auth || (this.auth.expiresAt && expiresSoon(this.auth.expiresAt, this.now()))) {
      this.auth = await this.authPlugin.authenticate();
    }
    return this.auth;
  }
}

/** The endpoint up to its version segment: …/v3/0123abcd → …/v3. */
function versionRoot(endpoint: string): string {
  return endpoint.replace(/\/(v3)\/[^/]+\/?$/, '/$1');
}

function nextLinkQuery(links: unknown): Query | undefined {
  if (!Array.isArray(links)) return undefined;
  const next = links.find((link: { rel?: string }) => link?.rel === 'next') as { href?: string } | undefined;
  if (!next?.href) return undefined;
  try {
    return Object.fromEntries(new URL(next.href).searchParams);
  } catch {
    return undefined;
  }
}
