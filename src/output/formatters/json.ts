import type { Value } from '../result.js';

/** cliff's json formatter: indent 4, or one line with --noindent. */
export function formatJson(data: Value, noIndent: boolean): string {
  return `${JSON.stringify(data ?? null, null, noIndent ? undefined : 4)}\n`;
}
