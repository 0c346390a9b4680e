/**
 * A value read from clouds.yaml or secure.yaml: what PyYAML's safe_load
 * gives, as plain JSON (so the parsed files can be cached as they are).
 */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | ConfigMap;

export interface ConfigMap {
  [key: string]: ConfigValue;
}

export function isConfigMap(value: ConfigValue | undefined): value is ConfigMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
