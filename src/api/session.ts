import type { AuthPlugin, AuthResult } from './auth-plugin.js';
import { ApiError, BadResponseError } from '../http/errors.js';
import type { HttpClient, HttpMethod, HttpResponse, Query } from '../http/http.js';
import { Envelope } from './envelope.js';
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

/** A response and its body as an Envelope. */
interface Answered {
  response: HttpResponse;
  answer: Envelope;
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

  /** Every answer is read through an Envelope: its checks are the only way to the body. */
  get(path: string, query?: Query, microversion?: Microversion): Promise<Envelope> {
    return this.answer('GET', path, { query, microversion });
  }

  post(path: string, body: unknown, options: SessionRequest = {}): Promise<Envelope> {
    return this.answer('POST', path, { ...options, body });
  }

  /**
   * A POST that starts an asynchronous operation; returns Cinder's request
   * ID, under which the scheduler and volume services log what the
   * operation did (and any user message about it carries it).
   */
  async postForRequestId(path: string, body: unknown): Promise<string | undefined> {
    return (await this.call('POST', path, { body })).response.requestId;
  }

  /** A POST whose answer and request ID are both needed (see postForRequestId). */
  async postWithRequestId(path: string, body: unknown): Promise<{ answer: Envelope; requestId?: string }> {
    const { answer, response } = await this.call('POST', path, { body });
    return { answer, requestId: response.requestId };
  }

  put(path: string, body: unknown, options: SessionRequest = {}): Promise<Envelope> {
    return this.answer('PUT', path, { ...options, body });
  }

  delete(path: string, query?: Query): Promise<void> {
    return this.call('DELETE', path, { query }).then(() => undefined);
  }

  /**
   * A call to a route Cinder serves only at the version root, whatever the
   * endpoint: /v3/default-types (3.62) answers 404 under /v3/{project_id}.
   */
  projectless(method: HttpMethod, path: string, request: Omit<SessionRequest, 'projectless'> = {}): Promise<Envelope> {
    return this.answer(method, path, { ...request, projectless: true });
  }

  /**
   * Yields one page at a time, following `<key>_links` "next" until the end.
   * Each page must hold the `key` list, every item an object, and links
   * (when there are any) that say where the next page is: a page that does
   * not is an error, never the end of the listing.
   * Only the marker (and the other query parameters) of the next link is
   * used: the link's host is whatever Cinder believes its public URL is,
   * which behind proxies is often not the endpoint we were given.
   */
  async *pages<T extends object>(path: string, key: string, options: ListOptions = {}): AsyncGenerator<T[]> {
    let query: Query = { ...options.query };
    let remaining = options.limit ?? Infinity;
    const pageLimit = () => (options.pageSize === undefined ? remaining : Math.min(options.pageSize, remaining));
    if (options.limit !== undefined || options.pageSize !== undefined) query.limit = pageLimit();
    const seenMarkers = new Set<string>();
    // A next link pointing back at the marker we started from would repeat the first page.
    if (query.marker !== undefined && query.marker !== null) seenMarkers.add(String(query.marker));
    while (remaining > 0) {
      const page = await this.get(path, query);
      const items = page.list<T>(key).slice(0, remaining);
      remaining -= items.length;
      if (items.length) yield items;
      const next = nextLinkQuery(page, `${key}_links`);
      const marker = next?.marker;
      if (!next || items.length === 0 || (marker && seenMarkers.has(String(marker)))) return;
      if (marker) seenMarkers.add(String(marker));
      query = { ...query, ...next };
      if (options.limit !== undefined || options.pageSize !== undefined) query.limit = pageLimit();
    }
  }

  /** Every item of a collection, across pages. */
  async list<T extends object>(path: string, key: string, options: ListOptions = {}): Promise<T[]> {
    const all: T[] = [];
    // Item by item: push(...page) passes a page as arguments, which a huge page overflows.
    for await (const page of this.pages<T>(path, key, options)) for (const item of page) all.push(item);
    return all;
  }

  private async answer(method: HttpMethod, path: string, request: SessionRequest): Promise<Envelope> {
    return (await this.call(method, path, request)).answer;
  }

  private async call(method: HttpMethod, path: string, request: SessionRequest): Promise<Answered> {
    const first = await this.credentials();
    try {
      return await this.send(method, path, request, first);
    } catch (error) {
      // A cached Keystone token may have been revoked: authenticate again, once.
      if (error instanceof ApiError && error.status === 401 && (await this.authPlugin.invalidate())) {
        this.auth = undefined;
        return this.send(method, path, request, await this.credentials());
      }
      throw error;
    }
  }

  private async send(method: HttpMethod, path: string, request: SessionRequest, auth: AuthResult): Promise<Answered> {
    const version = request.microversion ?? this.microversion;
    const url = `${request.projectless ? versionRoot(auth.endpoint) : auth.endpoint}${path}`;
    const response = await this.http.request({
      method,
      url,
      query: request.query,
      body: request.body,
      headers: {
        'X-Auth-Token': auth.token,
        'OpenStack-API-Version': `volume ${formatMicroversion(version)}`,
      },
    });
    return { response, answer: Envelope.of(response.body, method, url) };
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

/**
 * The query of a page's "next" link, or undefined on the last page (no
 * links, or none of them "next"). Links that are there must be usable.
 */
function nextLinkQuery(page: Envelope, key: string): Query | undefined {
  const next = page.optionalList<{ rel?: unknown; href?: unknown }>(key)?.find((link) => link.rel === 'next');
  if (!next) return undefined;
  try {
    if (typeof next.href !== 'string') throw new TypeError('no href');
    return Object.fromEntries(new URL(next.href).searchParams);
  } catch {
    throw new BadResponseError(`${page.request} answered a '${key}' next link without a usable URL`);
  }
}
