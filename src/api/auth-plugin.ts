/**
 * How ucinder obtains a token and a block-storage endpoint. Each auth type
 * (noauth, admin_token, and the Keystone types password, v3token,
 * v3applicationcredential) is one implementation; the rest of ucinder sees
 * only this.
 */
export interface AuthResult {
  /** Sent as X-Auth-Token. */
  token: string;
  /** Block-storage endpoint including /v3 (and /{project_id} where known). */
  endpoint: string;
  projectId?: string;
  /** The project's name, when the auth type knows it (Keystone's token does). */
  projectName?: string;
  /** Glance (image service) endpoint from the catalog, when the auth type has one. */
  imageEndpoint?: string;
  /** When the token expires (ISO 8601), for auth types whose tokens do (Keystone's). */
  expiresAt?: string;
}

/** What `token issue` shows (the openstack client's fields). */
export interface TokenDetails {
  id: string;
  expires: string;
  userId?: string;
  projectId?: string;
  domainId?: string;
  /** Set for a system-scoped token: the system scope, e.g. "all". */
  system?: string;
}

/** What --project and --user name in Keystone. */
export type IdentityKind = 'project' | 'user';

export interface AuthPlugin {
  readonly authType: string;
  /** Resolves credentials; may use a cache. */
  authenticate(): Promise<AuthResult>;
  /**
   * Called after Cinder answered 401 with the token from authenticate():
   * drop any cached token. Returns true when a second attempt could succeed.
   */
  invalidate(): Promise<boolean>;
  /** Keystone types only: the token (from the cache or freshly issued), without needing a Cinder endpoint. */
  tokenDetails?(): Promise<TokenDetails>;
  /** Keystone types only: revokes a token (DELETE /v3/auth/tokens). */
  revokeToken?(token: string): Promise<void>;
  /** Keystone types only: a project's or user's ID from its name or ID (GET /v3/projects, /v3/users). */
  findIdentityId?(kind: IdentityKind, nameOrId: string): Promise<string>;
  /** Keystone types only: every project's ID the user may see (GET /v3/projects), for `quota list`. */
  listProjectIds?(): Promise<string[]>;
}
