import { UsageError } from '../errors.js';
import { normalizeEndpoint } from './endpoint.js';
import type { AuthPlugin, AuthResult } from '../api/auth-plugin.js';

interface NoAuthSettings {
  endpoint?: string;
  token?: string;
  userId?: string;
  projectId?: string;
}

/**
 * Cinder's `auth_strategy = noauth` / `noauth_include_project_id`: the token
 * is `<user>:<project>` and grants admin rights; with the project id in the
 * URL it must equal the token's project.
 */
export class NoAuthPlugin implements AuthPlugin {
  readonly authType = 'noauth';
  constructor(private readonly settings: NoAuthSettings) {}

  async authenticate(): Promise<AuthResult> {
    const { endpoint, token, userId } = this.settings;
    if (!endpoint) {
      throw new UsageError('no block-storage endpoint: set --os-endpoint or OS_ENDPOINT (e.g. http://controller:8776)');
    }
    const tokenProject = token?.includes(':') ? token.slice(token.indexOf(':') + 1) : undefined;
    const urlProject = normalizeEndpoint(endpoint).projectId;
    const projectId = this.settings.projectId ?? urlProject ?? tokenProject;
    if (!projectId) {
      throw new UsageError('noauth needs a project: set --os-project-id or OS_PROJECT_ID (or a token like admin:<project> in --os-token / OS_TOKEN)');
    }
    const normalized = normalizeEndpoint(endpoint, projectId);
    if (normalized.projectId && normalized.projectId !== projectId) {
      throw new UsageError(`the endpoint's project '${normalized.projectId}' differs from --os-project-id '${projectId}'; Cinder would reject the request`);
    }
    return {
      token: token ?? `${userId ?? 'admin'}:${projectId}`,
      endpoint: normalized.url,
      projectId,
    };
  }

  async invalidate(): Promise<boolean> {
    return false;
  }
}
