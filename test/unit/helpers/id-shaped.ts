/**
 * For the tests of commands that change state, given an ID-shaped argument
 * whose ID is gone while another resource is NAMED after it.
 */
export const GONE = '8d1a3c52-0000-4000-8000-00000000008d';
export const OTHER = '3f2b7e10-0000-4000-8000-0000000003f2';

/** ucinder's refusal to act on OTHER by the name GONE. */
export function refusal(resource: string, action: string): string {
  return `no ${resource} has ID ${GONE}; ${resource} ${OTHER} is NAMED '${GONE}' — refusing to ${action} it by name; pass its ID (${OTHER}) if you mean it`;
}
