import type { Value } from '../../output/result.js';

/**
 * A field as osc-lib's get_item_properties reads it: a field the server did
 * not send (an older microversion, an optional field) prints as '', one it
 * sent as null prints as None. Scripts that parse openstack's output expect
 * exactly that difference.
 */
export function itemProperty(item: object, field: string): Value {
  return field in item ? ((item as Record<string, Value>)[field] ?? null) : '';
}
