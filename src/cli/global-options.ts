import { declareBatchOption } from '../completion/completion-hints.js';
import { Option, type Command } from 'commander';
import { AUTH_TYPES } from '../auth/select.js';
import { UsageError } from '../errors.js';

/** One global option; every view of it (Commander, settings type, resolution, README) comes from this. */
export interface GlobalOption {
  /** Commander's flag: `--name <value>` takes a string, `--name` is a switch, `--no-name` a negated switch. */
  readonly flag: string;
  /** Its field in Settings, or in Settings.auth for the 'auth' group. */
  readonly key: string;
  /** 'auth' rows make up AuthSettings, what the auth plugins read. */
  readonly group: 'auth' | 'general';
  /** Read when the flag is absent, the first one set wins (the openstack client's names first, then its aliases). */
  readonly env: readonly [string, ...string[]];
  readonly help: string;
  /**
   * The default as --help states it. Only `parse` applies one (--timeout): the
   * other defaults are decided where the setting is used, so that clouds.yaml
   * can still fill what flags and variables leave unset.
   */
  readonly default?: string;
  /** Values Commander accepts for the flag (a variable's value is checked where it is used, as before). */
  readonly choices?: readonly string[];
  /** Turns the flag's or variable's text (undefined when neither is set) into the setting. */
  readonly parse?: (text: string | undefined) => unknown;
  /** Means something only where batch mode runs (`ucinder < FILE`, `ucinder shell`): TAB offers it there alone. */
  readonly batchOnly?: true;
}

const DEFAULT_TIMEOUT_SECONDS = 60;

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`invalid --timeout '${text}': expected a positive number of seconds`);
  }
  return Math.round(seconds * 1000);
}

/**
 * The openstack client's global options, in --help order. Values are resolved
 * in settings.ts, not by Commander, so tests can pass an environment without
 * touching process.env.
 */
export const GLOBAL_OPTIONS = [
  { flag: '--os-cloud <name>', key: 'cloud', group: 'general', env: ['OS_CLOUD'], help: 'cloud from clouds.yaml (+ secure.yaml); flags and OS_* variables override it' },
  {
    flag: '--os-auth-type <type>',
    key: 'authType',
    group: 'auth',
    env: ['OS_AUTH_TYPE'],
    help: 'auth plugin',
    default: 'password with --os-auth-url, else noauth',
    choices: AUTH_TYPES,
  },
  { flag: '--os-auth-url <url>', key: 'authUrl', group: 'auth', env: ['OS_AUTH_URL'], help: 'Keystone URL, e.g. http://controller:5000/v3' },
  { flag: '--os-username <name>', key: 'username', group: 'auth', env: ['OS_USERNAME'], help: 'Keystone user name' },
  { flag: '--os-password <password>', key: 'password', group: 'auth', env: ['OS_PASSWORD'], help: 'Keystone password' },
  { flag: '--os-project-name <name>', key: 'projectName', group: 'auth', env: ['OS_PROJECT_NAME', 'OS_TENANT_NAME'], help: 'project to scope to' },
  { flag: '--os-user-domain-name <name>', key: 'userDomainName', group: 'auth', env: ['OS_USER_DOMAIN_NAME'], help: "user's domain" },
  { flag: '--os-user-domain-id <id>', key: 'userDomainId', group: 'auth', env: ['OS_USER_DOMAIN_ID'], help: "user's domain" },
  { flag: '--os-project-domain-name <name>', key: 'projectDomainName', group: 'auth', env: ['OS_PROJECT_DOMAIN_NAME'], help: "project's domain" },
  { flag: '--os-project-domain-id <id>', key: 'projectDomainId', group: 'auth', env: ['OS_PROJECT_DOMAIN_ID'], help: "project's domain" },
  { flag: '--os-domain-name <name>', key: 'domainName', group: 'auth', env: ['OS_DOMAIN_NAME'], help: 'domain to scope to (instead of a project)' },
  { flag: '--os-domain-id <id>', key: 'domainId', group: 'auth', env: ['OS_DOMAIN_ID'], help: 'domain to scope to (instead of a project)' },
  {
    flag: '--os-default-domain-id <id>',
    key: 'defaultDomainId',
    group: 'auth',
    env: ['OS_DEFAULT_DOMAIN_ID', 'OS_DEFAULT_DOMAIN'],
    help: 'domain of user and project when not given',
    default: '"default"',
  },
  { flag: '--os-default-domain-name <name>', key: 'defaultDomainName', group: 'auth', env: ['OS_DEFAULT_DOMAIN_NAME'], help: 'domain of user and project when not given' },
  { flag: '--os-system-scope <scope>', key: 'systemScope', group: 'auth', env: ['OS_SYSTEM_SCOPE'], help: 'system scope, e.g. all' },
  { flag: '--os-application-credential-id <id>', key: 'applicationCredentialId', group: 'auth', env: ['OS_APPLICATION_CREDENTIAL_ID'], help: 'application credential' },
  {
    flag: '--os-application-credential-name <name>',
    key: 'applicationCredentialName',
    group: 'auth',
    env: ['OS_APPLICATION_CREDENTIAL_NAME'],
    help: 'application credential, with the user',
  },
  {
    flag: '--os-application-credential-secret <secret>',
    key: 'applicationCredentialSecret',
    group: 'auth',
    env: ['OS_APPLICATION_CREDENTIAL_SECRET'],
    help: 'application credential secret',
  },
  {
    flag: '--os-interface <interface>',
    key: 'interface',
    group: 'auth',
    env: ['OS_INTERFACE', 'OS_ENDPOINT_TYPE'],
    help: 'catalog interface: public, internal or admin',
    default: 'public',
  },
  { flag: '--os-region-name <region>', key: 'regionName', group: 'auth', env: ['OS_REGION_NAME'], help: 'catalog region' },
  // Accepted so that openrc files (which export OS_IDENTITY_API_VERSION=3) work; nothing reads it.
  {
    flag: '--os-identity-api-version <3>',
    key: 'identityApiVersion',
    group: 'general',
    env: ['OS_IDENTITY_API_VERSION'],
    help: 'Identity API version; only 3 exists in supported clouds',
    choices: ['3'],
  },
  {
    flag: '--os-endpoint <url>',
    key: 'endpoint',
    group: 'auth',
    env: ['OS_ENDPOINT', 'OS_URL'],
    help: 'block-storage endpoint, e.g. http://controller:8776; overrides the catalog',
  },
  { flag: '--os-token <token>', key: 'token', group: 'auth', env: ['OS_TOKEN'], help: 'token (admin_token, v3token); for noauth defaults to <user-id>:<project-id>' },
  { flag: '--os-user-id <id>', key: 'userId', group: 'auth', env: ['OS_USER_ID'], help: 'Keystone user id; noauth user', default: 'admin for noauth' },
  { flag: '--os-project-id <id>', key: 'projectId', group: 'auth', env: ['OS_PROJECT_ID', 'OS_TENANT_ID'], help: 'project' },
  { flag: '--os-volume-api-version <3.N>', key: 'volumeApiVersion', group: 'general', env: ['OS_VOLUME_API_VERSION'], help: 'pin the API microversion', default: 'negotiated' },
  {
    flag: '--os-image-endpoint <url>',
    key: 'imageEndpoint',
    group: 'general',
    env: ['OS_IMAGE_ENDPOINT'],
    help: 'Glance endpoint, e.g. http://controller:9292, for image names (image list, volume create|reimage --image NAME) and image create --wait; overrides the catalog',
  },
  { flag: '--os-cacert <file>', key: 'cacertFile', group: 'general', env: ['OS_CACERT'], help: 'CA bundle for TLS verification' },
  { flag: '--insecure', key: 'insecure', group: 'general', env: ['OS_INSECURE'], help: 'do not verify TLS certificates (unsafe)' },
  {
    flag: '--timeout <seconds>',
    key: 'timeoutMs',
    group: 'general',
    env: ['UCINDER_TIMEOUT'],
    help: 'per-request timeout',
    default: String(DEFAULT_TIMEOUT_SECONDS),
    parse: parseTimeout,
  },
  {
    flag: '--state-dir <dir>',
    key: 'stateDir',
    group: 'general',
    env: ['UCINDER_STATE_DIR'],
    help: 'where state that must survive lives: the connection cache (init-connect, connect; the boot-time service uses /var/lib/ucinder) and the shell history',
    default: '$XDG_STATE_HOME/ucinder',
  },
  { flag: '--no-cache', key: 'useCache', group: 'general', env: ['UCINDER_NO_CACHE'], help: 'ignore the on-disk caches (API discovery, Keystone tokens, parsed clouds.yaml)' },
  {
    flag: '--keep-going',
    key: 'keepGoing',
    group: 'general',
    batchOnly: true,
    env: ['UCINDER_KEEP_GOING'],
    help: 'batch mode (ucinder < FILE): run every line even after one fails; the exit code says whether any failed',
  },
  {
    flag: '--debug',
    key: 'debug',
    group: 'general',
    env: ['UCINDER_DEBUG'],
    help: 'log requests and responses (tokens, passwords and CHAP secrets redacted) and show stack traces',
  },
] as const satisfies readonly GlobalOption[];

/** The help text with the variables and the default: `... [env: OS_ENDPOINT, OS_URL; default X]`. */
function optionHelp(row: GlobalOption): string {
  const notes = [`env: ${row.env.join(', ')}`];
  if (row.default !== undefined) notes.push(`default ${row.default}`);
  return `${row.help} [${notes.join('; ')}]`;
}

export function addGlobalOptions(program: Command): void {
  for (const row of GLOBAL_OPTIONS as readonly GlobalOption[]) {
    const option = new Option(row.flag, optionHelp(row));
    if (row.choices) option.choices(row.choices);
    if (row.batchOnly) declareBatchOption(option);
    program.addOption(option);
  }
}
