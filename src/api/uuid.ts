/** Cinder IDs are dashed UUIDs; an argument of that shape is tried as an ID first. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Keystone project IDs are uuid4 hex (32 digits), sometimes written dashed;
 * Cinder's type-access API accepts nothing else (its schema: is_uuid_like).
 */
const PROJECT_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function looksLikeProjectId(value: string): boolean {
  return PROJECT_ID.test(value);
}
