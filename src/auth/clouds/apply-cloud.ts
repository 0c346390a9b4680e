import type { Settings } from '../../cli/settings.js';
import { UsageError } from '../../errors.js';
import type { AuthSettings } from '../select.js';
import type { LoadedCloud } from './clouds-config.js';
import type { YamlValue } from './yaml-subset.js';

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

function text(value: YamlValue | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return undefined;
  return String(value);
}

function firstText(map: { [key: string]: YamlValue }, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(map[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `regions: [RegionOne]` or `regions: [{name: RegionOne}]`: the first one is the default. */
function firstRegion(value: YamlValue | undefined): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first = value[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) return text(first.name);
  return text(first);
}

/**
 * Settings with the cloud's values filled in wherever neither a flag nor an
 * OS_* variable gave one: flags > variables > clouds.yaml.
 */
export function applyCloud(settings: Settings, cloud: LoadedCloud): Settings {
  const config = cloud.config;
  const authMap = config.auth && typeof config.auth === 'object' && !Array.isArray(config.auth) ? config.auth : {};
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
      throw new UsageError(
        `cloud '${cloud.name}': block_storage_api_version ${version} is not supported; ucinder speaks Block Storage 3 (3 or 3.N)`,
      );
    }
    volumeApiVersion = version;
  }
  const verify = config.verify;
  const insecure = settings.insecure || verify === false || config.insecure === true;
  const cacertFile = settings.cacertFile ?? text(config.cacert) ?? (typeof verify === 'string' ? verify : undefined);
  return { ...settings, auth, volumeApiVersion, insecure, cacertFile };
}
