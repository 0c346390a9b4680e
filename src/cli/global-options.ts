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
    .addOption(new Option('--os-cloud <name>', 'cloud from clouds.yaml (+ secure.yaml); flags and OS_* variables override it [env: OS_CLOUD]'))
    .addOption(new Option('--os-auth-type <type>', 'auth plugin [env: OS_AUTH_TYPE; default password with --os-auth-url, else noauth]').choices(AUTH_TYPES))
    .addOption(new Option('--os-auth-url <url>', 'Keystone URL, e.g. http://controller:5000/v3 [env: OS_AUTH_URL]'))
    .addOption(new Option('--os-username <name>', 'Keystone user name [env: OS_USERNAME]'))
    .addOption(new Option('--os-password <password>', 'Keystone password [env: OS_PASSWORD]'))
    .addOption(new Option('--os-project-name <name>', 'project to scope to [env: OS_PROJECT_NAME]'))
    .addOption(new Option('--os-user-domain-name <name>', "user's domain [env: OS_USER_DOMAIN_NAME]"))
    .addOption(new Option('--os-user-domain-id <id>', "user's domain [env: OS_USER_DOMAIN_ID]"))
    .addOption(new Option('--os-project-domain-name <name>', "project's domain [env: OS_PROJECT_DOMAIN_NAME]"))
    .addOption(new Option('--os-project-domain-id <id>', "project's domain [env: OS_PROJECT_DOMAIN_ID]"))
    .addOption(new Option('--os-domain-name <name>', 'domain to scope to (instead of a project) [env: OS_DOMAIN_NAME]'))
    .addOption(new Option('--os-domain-id <id>', 'domain to scope to (instead of a project) [env: OS_DOMAIN_ID]'))
    .addOption(new Option('--os-default-domain-id <id>', 'domain of user and project when not given [env: OS_DEFAULT_DOMAIN_ID; default "default"]'))
    .addOption(new Option('--os-default-domain-name <name>', 'domain of user and project when not given [env: OS_DEFAULT_DOMAIN_NAME]'))
    .addOption(new Option('--os-system-scope <scope>', 'system scope, e.g. all [env: OS_SYSTEM_SCOPE]'))
    .addOption(new Option('--os-application-credential-id <id>', 'application credential [env: OS_APPLICATION_CREDENTIAL_ID]'))
    .addOption(new Option('--os-application-credential-name <name>', 'application credential, with the user [env: OS_APPLICATION_CREDENTIAL_NAME]'))
    .addOption(new Option('--os-application-credential-secret <secret>', 'application credential secret [env: OS_APPLICATION_CREDENTIAL_SECRET]'))
    .addOption(new Option('--os-interface <interface>', 'catalog interface: public, internal or admin [env: OS_INTERFACE; default public]'))
    .addOption(new Option('--os-region-name <region>', 'catalog region [env: OS_REGION_NAME]'))
    .addOption(new Option('--os-identity-api-version <3>', 'Identity API version; only 3 exists in supported clouds [env: OS_IDENTITY_API_VERSION]').choices(['3']))
    .addOption(new Option('--os-endpoint <url>', 'block-storage endpoint, e.g. http://controller:8776; overrides the catalog [env: OS_ENDPOINT]'))
    .addOption(new Option('--os-token <token>', 'token (admin_token, v3token); for noauth defaults to <user-id>:<project-id> [env: OS_TOKEN]'))
    .addOption(new Option('--os-user-id <id>', 'Keystone user id; noauth user [env: OS_USER_ID; noauth default admin]'))
    .addOption(new Option('--os-project-id <id>', 'project [env: OS_PROJECT_ID]'))
    .addOption(new Option('--os-volume-api-version <3.N>', 'pin the API microversion [env: OS_VOLUME_API_VERSION; default: negotiated]'))
    .addOption(new Option('--os-image-endpoint <url>', 'Glance endpoint, e.g. http://controller:9292, for image names (image list, volume create --image NAME); overrides the catalog [env: OS_IMAGE_ENDPOINT]'))
    .addOption(new Option('--os-cacert <file>', 'CA bundle for TLS verification [env: OS_CACERT]'))
    .addOption(new Option('--insecure', 'do not verify TLS certificates (unsafe)'))
    .addOption(new Option('--timeout <seconds>', `per-request timeout [env: UCINDER_TIMEOUT; default ${DEFAULT_TIMEOUT_SECONDS}]`))
    .addOption(new Option('--no-cache', 'ignore the on-disk caches (API discovery, Keystone tokens)'))
    .addOption(new Option('--debug', 'log requests and responses (secrets redacted) and show stack traces'));
}
