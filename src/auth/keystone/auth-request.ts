import { UsageError } from '../../errors.js';
import type { AuthSettings } from '../select.js';

type Json = Record<string, unknown>;

/** The POST /v3/auth/tokens body, plus words for error messages. */
export interface AuthRequest {
  body: { auth: { identity: Json; scope?: Json } };
  /** "user 'demo' (domain Default)", "application credential 'x'", "token". */
  who: string;
  /** "project 'demo' (domain Default)", or undefined when unscoped. */
  scope?: string;
}

/**
 * Builds the Identity v3 auth request for one auth type from the OS_*
 * settings, with the openstack client's defaults (the user's and project's
 * domain fall back to OS_DEFAULT_DOMAIN, then to the `default` domain).
 * Missing settings are usage errors, found before any request.
 */
export function buildAuthRequest(authType: string, settings: AuthSettings): AuthRequest {
  switch (authType) {
    case 'password':
    case 'v3password':
      return withScope(passwordIdentity(authType, settings), settings);
    case 'v3applicationcredential':
      return applicationCredentialIdentity(settings);
    case 'v3token':
    case 'token':
      if (!settings.token) throw missing(authType, 'a token', '--os-token / OS_TOKEN');
      return withScope({ identity: { methods: ['token'], token: { id: settings.token } }, who: 'the token' }, settings);
    default:
      throw new UsageError(`--os-auth-type ${authType} is not a Keystone auth type`);
  }
}

function missing(authType: string, what: string, where: string): UsageError {
  return new UsageError(`--os-auth-type ${authType} needs ${what}: set ${where}`);
}

function defaultDomain(settings: AuthSettings): Json {
  if (settings.defaultDomainId) return { id: settings.defaultDomainId };
  if (settings.defaultDomainName) return { name: settings.defaultDomainName };
  return { id: 'default' };
}

function domainOf(id: string | undefined, name: string | undefined, settings: AuthSettings): Json {
  if (id) return { id };
  if (name) return { name };
  return defaultDomain(settings);
}

function describeDomain(domain: Json): string {
  return String(domain.name ?? domain.id);
}

/** The user part shared by password and named application credentials. */
function userReference(settings: AuthSettings): { user: Json; who: string } | undefined {
  if (settings.userId) return { user: { id: settings.userId }, who: `user id '${settings.userId}'` };
  if (settings.username) {
    const domain = domainOf(settings.userDomainId, settings.userDomainName, settings);
    return { user: { name: settings.username, domain }, who: `user '${settings.username}' (domain ${describeDomain(domain)})` };
  }
  return undefined;
}

function passwordIdentity(authType: string, settings: AuthSettings): { identity: Json; who: string } {
  const user = userReference(settings);
  if (!user) throw missing(authType, 'a user', '--os-username / OS_USERNAME or --os-user-id / OS_USER_ID');
  if (!settings.password) throw missing(authType, 'a password', '--os-password / OS_PASSWORD');
  return {
    identity: { methods: ['password'], password: { user: { ...user.user, password: settings.password } } },
    who: user.who,
  };
}

function applicationCredentialIdentity(settings: AuthSettings): AuthRequest {
  const authType = 'v3applicationcredential';
  if (!settings.applicationCredentialSecret) {
    throw missing(authType, 'the secret', '--os-application-credential-secret / OS_APPLICATION_CREDENTIAL_SECRET');
  }
  const secret = settings.applicationCredentialSecret;
  if (settings.applicationCredentialId) {
    return {
      body: { auth: { identity: { methods: ['application_credential'], application_credential: { id: settings.applicationCredentialId, secret } } } },
      who: `application credential '${settings.applicationCredentialId}'`,
    };
  }
  if (settings.applicationCredentialName) {
    const user = userReference(settings);
    if (!user) {
      throw missing(authType, 'the owner of a named application credential', '--os-username / OS_USERNAME or --os-user-id / OS_USER_ID');
    }
    return {
      body: {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { name: settings.applicationCredentialName, secret, user: user.user },
          },
        },
      },
      who: `application credential '${settings.applicationCredentialName}' of ${user.who}`,
    };
  }
  throw missing(
    authType,
    'an application credential',
    '--os-application-credential-id / OS_APPLICATION_CREDENTIAL_ID or --os-application-credential-name / OS_APPLICATION_CREDENTIAL_NAME',
  );
}

/** Project scope, else domain scope, else system scope, else unscoped. */
function withScope(part: { identity: Json; who: string }, settings: AuthSettings): AuthRequest {
  const request: AuthRequest = { body: { auth: { identity: part.identity } }, who: part.who };
  if (settings.projectId) {
    request.body.auth.scope = { project: { id: settings.projectId } };
    request.scope = `project id '${settings.projectId}'`;
  } else if (settings.projectName) {
    const domain = domainOf(settings.projectDomainId, settings.projectDomainName, settings);
    request.body.auth.scope = { project: { name: settings.projectName, domain } };
    request.scope = `project '${settings.projectName}' (domain ${describeDomain(domain)})`;
  } else if (settings.domainId || settings.domainName) {
    const domain = domainOf(settings.domainId, settings.domainName, settings);
    request.body.auth.scope = { domain };
    request.scope = `domain ${describeDomain(domain)}`;
  } else if (settings.systemScope) {
    request.body.auth.scope = { system: { [settings.systemScope]: true } };
    request.scope = `system scope '${settings.systemScope}'`;
  }
  return request;
}
