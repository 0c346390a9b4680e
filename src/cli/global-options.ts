import { Option, type Command } from 'commander';
import { AUTH_TYPES } from '../auth/select.js';
import { DEFAULT_TIMEOUT_SECONDS } from './settings.js';

/**
 * The openstack client's global options; each names the variable it falls
 * back to. Values are resolved in settings.ts, not by Commander, so tests can
 * pass an environment without touching process.env.
 */
export function addGlobalOptions(program: Command): void {
  program
    .addOption(new Option('--os-auth-type <type>', 'auth plugin [env: OS_AUTH_TYPE; default noauth]').choices(AUTH_TYPES))
    .addOption(new Option('--os-endpoint <url>', 'block-storage endpoint, e.g. http://controller:8776 [env: OS_ENDPOINT]'))
    .addOption(new Option('--os-token <token>', 'token; for noauth defaults to <user-id>:<project-id> [env: OS_TOKEN]'))
    .addOption(new Option('--os-user-id <id>', 'noauth user [env: OS_USER_ID; default admin]'))
    .addOption(new Option('--os-project-id <id>', 'project [env: OS_PROJECT_ID]'))
    .addOption(new Option('--os-volume-api-version <3.N>', 'pin the API microversion [env: OS_VOLUME_API_VERSION; default: negotiated]'))
    .addOption(new Option('--os-cacert <file>', 'CA bundle for TLS verification [env: OS_CACERT]'))
    .addOption(new Option('--insecure', 'do not verify TLS certificates (unsafe)'))
    .addOption(new Option('--timeout <seconds>', `per-request timeout [env: UCINDER_TIMEOUT; default ${DEFAULT_TIMEOUT_SECONDS}]`))
    .addOption(new Option('--no-cache', 'ignore the on-disk discovery cache'))
    .addOption(new Option('--debug', 'log requests and responses (secrets redacted) and show stack traces'));
}
