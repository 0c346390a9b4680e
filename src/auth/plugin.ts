/**
 * How ucinder obtains a token and a block-storage endpoint. Each auth type
 * (noauth, admin_token, and later Keystone password, application credential,
 * clouds.yaml) is one implementation; the rest of ucinder sees only this.
 */
export interface AuthResult {
  /** Sent as X-Auth-Token. */
  token: string;
  /** Block-storage endpoint including /v3 (and /{project_id} where known). */
  endpoint: string;
  projectId?: string;
}

export interface AuthPlugin {
  readonly authType: string;
  /** Resolves credentials; may use a cache. */
  authenticate(): Promise<AuthResult>;
  /**
   * Called after Cinder answered 401 with the token from authenticate():
   * drop any cached token. Returns true when a second attempt could succeed.
   */
  invalidate(): Promise<boolean>;
}
