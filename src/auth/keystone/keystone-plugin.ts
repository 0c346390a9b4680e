import { ApiError, NetworkError } from '../../http/errors.js';
import type { HttpClient } from '../../http/http.js';
import { UcinderError, UsageError } from '../../errors.js';
import { TokenCache, type CachedService, type CachedToken } from '../../state/token-cache.js';
import { expiresSoon } from '../../state/token-expiry.js';
import { normalizeEndpoint } from '../endpoint.js';
import type { AuthPlugin, AuthResult, IdentityKind, TokenDetails } from '../../api/auth-plugin.js';
import { Envelope } from '../../api/envelope.js';
import type { AuthContext, AuthSettings } from '../select.js';
import { buildAuthRequest, type AuthRequest } from './auth-request.js';
import { keystoneV3Url } from './auth-url.js';
import { blockStorageUrlForProject, findBlockStorageUrl, findImageUrl, normalizeInterface } from './catalog.js';
import { findIdentityId, listProjectIds } from './identity-lookup.js';

/** A 401 on a token this old is worth one fresh token: it may have been revoked while the shell kept it. */
const REVOCATION_WINDOW_MS = 60_000;

/** Keystone refused the credentials or the scope. */
class KeystoneAuthError extends UcinderError {
  override name = 'KeystoneAuthError';
}

/** The parts of the token in POST /v3/auth/tokens' answer ucinder reads (the catalog apart). */
interface TokenData {
  expires_at: string;
  issued_at?: string;
  user?: { id?: string; name?: string };
  project?: { id?: string; name?: string };
  domain?: { id?: string };
  system?: Record<string, boolean>;
}

/** One endpoint of a catalog entry. */
interface CatalogEndpoint {
  interface?: unknown;
  region?: string;
  region_id?: string;
  url?: unknown;
}

/**
 * Keystone v3 auth (password, v3token/token, v3applicationcredential):
 * a token from the on-disk cache while it lives, else from Keystone; the
 * block-storage endpoint from --os-endpoint or from the token's catalog.
 */
export class KeystonePlugin implements AuthPlugin {
  private readonly authUrl: string;
  private readonly request: AuthRequest;
  private readonly cache?: TokenCache;
  private readonly cacheKey: string;
  private current?: CachedToken;
  private currentFromCache = false;
  private issuedAt = 0;

  constructor(
    readonly authType: string,
    private readonly settings: AuthSettings,
    private readonly context: AuthContext,
  ) {
    if (!settings.authUrl) {
      throw new UsageError(`--os-auth-type ${authType} needs Keystone's URL: set --os-auth-url or OS_AUTH_URL`);
    }
    this.authUrl = keystoneV3Url(settings.authUrl);
    this.request = buildAuthRequest(authType, settings);
    normalizeInterface(settings.interface); // a bad --os-interface fails before any request
    if (context.tokenCacheDir) this.cache = new TokenCache(context.tokenCacheDir, context.now);
    // Everything that selects the identity and scope, secrets included (only
    // their hash reaches the disk), and nothing that merely picks an endpoint.
    this.cacheKey = TokenCache.keyFor({ authUrl: this.authUrl, authType: this.methodFamily(), body: this.request.body });
  }

  async authenticate(): Promise<AuthResult> {
    const token = await this.token();
    const chosen =
      this.settings.endpoint ??
      findBlockStorageUrl(token.catalog, {
        interface: this.settings.interface,
        region: this.settings.regionName,
      });
    const url = blockStorageUrlForProject(chosen, token.projectId);
    const endpoint = normalizeEndpoint(url, token.projectId);
    const imageEndpoint = findImageUrl(token.catalog, { interface: this.settings.interface, region: this.settings.regionName });
    const projectId = endpoint.projectId ?? token.projectId;
    // The token names its own project only; an --os-endpoint may point at another.
    const projectName = projectId === token.projectId ? token.projectName : undefined;
    return {
      token: token.token,
      endpoint: endpoint.url,
      projectId,
      ...(projectName ? { projectName } : {}),
      ...(imageEndpoint ? { imageEndpoint } : {}),
      expiresAt: token.expiresAt,
    };
  }

  async invalidate(): Promise<boolean> {
    // A token from the cache, or one issued a while ago (the shell keeps its session), may have been revoked since.
    const wasCached = this.currentFromCache || (this.current !== undefined && this.clock() - this.issuedAt > REVOCATION_WINDOW_MS);
    await this.cache?.delete(this.cacheKey);
    this.current = undefined;
    this.currentFromCache = false;
    // A token Keystone has just issued will not fare better a second time.
    return wasCached;
  }

  async tokenDetails(): Promise<TokenDetails> {
    const token = await this.token();
    return {
      id: token.token,
      expires: token.expiresAt,
      userId: token.userId,
      projectId: token.projectId,
      domainId: token.domainId,
      ...(token.system ? { system: token.system } : {}),
    };
  }

  async revokeToken(subject: string): Promise<void> {
    const own = await this.token();
    const http = await this.context.http();
    try {
      await http.request({
        method: 'DELETE',
        url: `${this.authUrl}/auth/tokens`,
        headers: { 'X-Auth-Token': own.token, 'X-Subject-Token': subject },
      });
    } catch (error) {
      throw this.explain(error, 'revoking the token');
    }
    if (subject === own.token) await this.invalidate();
  }

  /** Keystone's own URL, not the catalog's: it is the one this machine has just reached. */
  async findIdentityId(kind: IdentityKind, nameOrId: string): Promise<string> {
    const own = await this.token();
    try {
      return await findIdentityId(await this.context.http(), { url: this.authUrl, token: own.token }, kind, nameOrId);
    } catch (error) {
      throw error instanceof NetworkError ? this.explain(error, `looking ${kind} '${nameOrId}' up`) : error;
    }
  }

  async listProjectIds(): Promise<string[]> {
    const own = await this.token();
    try {
      return await listProjectIds(await this.context.http(), { url: this.authUrl, token: own.token });
    } catch (error) {
      throw error instanceof NetworkError ? this.explain(error, 'listing projects') : error;
    }
  }

  private clock(): number {
    return (this.context.now ?? Date.now)();
  }

  /** password and v3password (token and v3token) are the same request: one cache entry. */
  private methodFamily(): string {
    return String((this.request.body.auth.identity.methods as string[])[0]);
  }

  private async token(): Promise<CachedToken> {
    // A shell outlives its token: a fresh one is issued before the old one runs out.
    if (this.current && !expiresSoon(this.current.expiresAt, this.clock())) return this.current;
    const cached = await this.cache?.get(this.cacheKey);
    if (cached && cached.authUrl === this.authUrl) {
      this.context.debug?.(`using the cached Keystone token (expires ${cached.expiresAt}) from ${this.cache!.pathFor(this.cacheKey)}`);
      this.current = cached;
      this.currentFromCache = true;
      return cached;
    }
    const fresh = await this.issue(this.request.body);
    this.context.debug?.(
      `Keystone issued a token for ${this.request.who}${this.request.scope ? ` scoped to ${this.request.scope}` : ''}, ` +
        `expires ${fresh.expiresAt}; catalog: ${fresh.catalog.map((service) => service.type).join(', ') || 'empty'}`,
    );
    await this.cache?.put(this.cacheKey, fresh);
    this.current = fresh;
    this.issuedAt = this.clock();
    this.currentFromCache = false;
    return fresh;
  }

  private async issue(body: AuthRequest['body']): Promise<CachedToken> {
    const http = await this.context.http();
    const url = `${this.authUrl}/auth/tokens`;
    let response;
    try {
      response = await http.request({ method: 'POST', url, body });
    } catch (error) {
      throw await this.explainAuthFailure(http, error);
    }
    const token = response.headers['x-subject-token'];
    if (!token) throw new KeystoneAuthError(`Keystone at ${this.authUrl} answered without a token (no X-Subject-Token header)`);
    const answer = Envelope.of(response.body, 'POST', url).inner('token');
    answer.string('expires_at');
    const data = answer.whole<TokenData>();
    return {
      authUrl: this.authUrl,
      token,
      expiresAt: data.expires_at,
      issuedAt: data.issued_at,
      userId: data.user?.id,
      userName: data.user?.name,
      projectId: data.project?.id,
      projectName: data.project?.name,
      domainId: data.domain?.id,
      // keystoneauth calls a token system-scoped only for the whole system ("all").
      ...(data.system?.all ? { system: 'all' } : {}),
      catalog: trimCatalog(answer),
    };
  }

  /**
   * Keystone answers 401 with the same words for a wrong password and for a
   * project that does not exist (or has no role for the user). An unscoped
   * retry tells the two apart; it costs a request only when auth failed.
   */
  private async explainAuthFailure(http: HttpClient, error: unknown): Promise<Error> {
    if (!(error instanceof ApiError) || error.status !== 401) return this.explain(error, 'authenticating');
    const { scope } = this.request.body.auth;
    if (scope && this.request.scope) {
      const unscoped = { auth: { identity: this.request.body.auth.identity } };
      const credentialsWork = await http.request({ method: 'POST', url: `${this.authUrl}/auth/tokens`, body: unscoped }).then(
        () => true,
        () => false,
      );
      if (credentialsWork) {
        return new KeystoneAuthError(
          `Keystone accepted ${this.request.who} but not the scope ${this.request.scope}: ` + `no such project or domain, or no role on it (${error.serverMessage}, HTTP 401)`,
        );
      }
    }
    return new KeystoneAuthError(
      `Keystone at ${this.authUrl} rejected ${this.request.who}: ${error.serverMessage} (HTTP 401)` +
        `${error.requestId ? ` (Request-ID: ${error.requestId})` : ''}; check the credentials and their domain`,
    );
  }

  private explain(error: unknown, doing: string): Error {
    if (error instanceof NetworkError) {
      return new KeystoneAuthError(`cannot reach Keystone while ${doing}: ${error.message.replace(/^cannot reach /, '')}`);
    }
    if (error instanceof ApiError && error.status === 404 && doing === 'authenticating') {
      return new KeystoneAuthError(`no Keystone v3 API at ${this.authUrl} (HTTP 404): check --os-auth-url / OS_AUTH_URL`);
    }
    if (error instanceof ApiError) {
      return new KeystoneAuthError(`Keystone error while ${doing}: ${error.message}`);
    }
    return error as Error;
  }
}

/** The catalog's services and endpoints that say what they are; entries without a type or URL are of no use. */
function trimCatalog(token: Envelope): CachedService[] {
  // An unscoped token has no catalog.
  if (token.optionalList('catalog') === undefined) return [];
  return token.items('catalog').flatMap((entry) => {
    const service = entry.whole<{ type?: unknown; name?: string }>();
    if (typeof service.type !== 'string') return [];
    const endpoints = (entry.optionalList<CatalogEndpoint>('endpoints') ?? []).flatMap((endpoint) =>
      typeof endpoint.url === 'string' && typeof endpoint.interface === 'string'
        ? [{ interface: endpoint.interface, region: endpoint.region_id ?? endpoint.region, url: endpoint.url }]
        : [],
    );
    return [{ type: service.type, name: service.name, endpoints }];
  });
}
