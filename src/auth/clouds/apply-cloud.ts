import { UsageError } from '../../errors.js';
import type { AuthSettings } from '../select.js';
import type { LoadedCloud } from './clouds-config.js';
import { isConfigMap, type ConfigMap, type ConfigValue } from './config-value.js';

/**
 * The settings a cloud fills in. Structural, so that cli's Settings fits
 * without auth importing cli.
 */
interface CloudAppliable {
  auth: AuthSettings;
  volumeApiVersion?: string;
  cacertFile?: string;
  insecure: boolean;
}

/** clouds.yaml `auth:` keys → settings (the openstack client's names). */
const AUTH_KEYS: [string[], keyof AuthSettings][] = [
  [['auth_url'], 'authUrl'],
  [['username', 'user_name'], 'username'],
  [['user_id'], 'userId'],
  [['password'], 'password'],
  [['project_name', 'tenant_name'], 'projectName'],
  [['project_id', 'tenant_id'], 'projectId'],
  [['user_domain_name'], 'userDomainName'],
  [['user_domain_id'], 'userDomainId'],
  [['project_domain_name'], 'projectDomainName'],
  [['project_domain_id'], 'projectDomainId'],
  [['domain_name'], 'domainName'],
  [['domain_id'], 'domainId'],
  [['default_domain_id'], 'defaultDomainId'],
  [['default_domain_name'], 'defaultDomainName'],
  [['system_scope'], 'systemScope'],
  [['application_credential_id'], 'applicationCredentialId'],
  [['application_credential_name'], 'applicationCredentialName'],
  [['application_credential_secret'], 'applicationCredentialSecret'],
  [['token'], 'token'],
  [['endpoint'], 'endpoint'],
];

/**
 * A scalar as text. openstacksdk str()s project and domain names and IDs, so
 * an unquoted `0123` (YAML 1.1 octal) is project '83' there; ucinder does the
 * same for every value. (A password openstacksdk passes on as the number 83,
 * which Keystone refuses.) Quoting it, or `!!str 0123`, keeps the digits.
 */
function text(value: ConfigValue | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return undefined;
  return String(value);
}

function firstText(map: ConfigMap, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(map[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `regions: [RegionOne]` or `regions: [{name: RegionOne}]`: the first one is the default. */
function firstRegion(value: ConfigValue | undefined): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first = value[0];
  return isConfigMap(first) ? text(first.name) : text(first);
}

/**
 * Settings with the cloud's values filled in wherever neither a flag nor an
 * OS_* variable gave one: flags > variables > clouds.yaml.
 */
export function applyCloud<S extends CloudAppliable>(settings: S, cloud: LoadedCloud): S {
  const config = cloud.config;
  const authMap = isConfigMap(config.auth) ? config.auth : {};
  const fromCloud: AuthSettings = {
    authType: text(config.auth_type),
    interface: firstText(config, ['interface', 'endpoint_type']),
    regionName: text(config.region_name) ?? firstRegion(config.regions),
    endpoint: firstText(config, ['block_storage_endpoint_override', 'volume_endpoint_override']),
  };
  for (const [keys, setting] of AUTH_KEYS) {
    const value = firstText(authMap, keys);
    if (value !== undefined && fromCloud[setting] === undefined) fromCloud[setting] = value;
  }
  const auth: AuthSettings = { ...settings.auth };
  for (const [key, value] of Object.entries(fromCloud) as [keyof AuthSettings, string | undefined][]) {
    if (auth[key] === undefined && value !== undefined) auth[key] = value;
  }

  const version = firstText(config, ['block_storage_api_version', 'volume_api_version']);
  let volumeApiVersion = settings.volumeApiVersion;
  if (volumeApiVersion === undefined && version !== undefined) {
    if (!/^3(\.\d+)?$/.test(version)) {
      throw new UsageError(`cloud '${cloud.name}': block_storage_api_version ${version} is not supported; ucinder speaks Block Storage 3 (3 or 3.N)`);
    }
    volumeApiVersion = version;
  }
  const verify = config.verify;
  const insecure = settings.insecure || verify === false || config.insecure === true;
  const cacertFile = settings.cacertFile ?? text(config.cacert) ?? (typeof verify === 'string' ? verify : undefined);
  return { ...settings, auth, volumeApiVersion, insecure, cacertFile };
}
