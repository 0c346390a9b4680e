import type { AuthPlugin, AuthResult, IdentityKind, TokenDetails } from '../api/auth-plugin.js';

/**
 * Stands in for a plugin whose module is imported on first use, so that
 * noauth start-up never parses the Keystone code.
 */
export class DeferredAuthPlugin implements AuthPlugin {
  private loaded?: Promise<AuthPlugin>;

  constructor(
    readonly authType: string,
    private readonly load: () => Promise<AuthPlugin>,
  ) {}

  private plugin(): Promise<AuthPlugin> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  async authenticate(): Promise<AuthResult> {
    return (await this.plugin()).authenticate();
  }

  async invalidate(): Promise<boolean> {
    return (await this.plugin()).invalidate();
  }

  async tokenDetails(): Promise<TokenDetails> {
    const plugin = await this.plugin();
    if (!plugin.tokenDetails) throw new Error(`${this.authType} has no token details`);
    return plugin.tokenDetails();
  }

  async findIdentityId(kind: IdentityKind, nameOrId: string): Promise<string> {
    const plugin = await this.plugin();
    if (!plugin.findIdentityId) throw new Error(`${this.authType} cannot look ${kind}s up`);
    return plugin.findIdentityId(kind, nameOrId);
  }

  async listProjectIds(): Promise<string[]> {
    const plugin = await this.plugin();
    if (!plugin.listProjectIds) throw new Error(`${this.authType} cannot list projects`);
    return plugin.listProjectIds();
  }

  async revokeToken(token: string): Promise<void> {
    const plugin = await this.plugin();
    if (!plugin.revokeToken) throw new Error(`${this.authType} cannot revoke tokens`);
    return plugin.revokeToken(token);
  }
}
