/**
 * Masks secrets before anything is logged or printed: auth tokens in headers,
 * passwords and CHAP/RBD secrets in JSON bodies.
 */

const REDACTED = '***';

const SECRET_HEADERS = new Set(['x-auth-token', 'x-subject-token', 'authorization', 'x-service-token']);

/**
 * Keys whose values are secrets wherever they appear in a JSON document
 * (auth_key: a volume transfer's key hands the volume to whoever holds it).
 */
const SECRET_KEY_PATTERN = /(pass(word)?|secret|token|keyring|credential|private_key|auth_key)$/i;
/** Keys that merely name a secret and are safe to show (e.g. secret_uuid, secret_type). */
const SAFE_KEYS = new Set(['secret_uuid', 'secret_type', 'token_type']);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key) && !SAFE_KEYS.has(key.toLowerCase());
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    shown[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return shown;
}

/** A deep copy of `value` with every secret-named key's value replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = isSecretKey(key) && inner !== null && inner !== '' ? REDACTED : redactJson(inner);
    }
    return copy;
  }
  return value;
}

/** Redacts a body given as text; non-JSON text is shown as is, cut short. */
export function redactBodyText(text: string, limit = 8192): string {
  let shown = text;
  try {
    shown = JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    // Not JSON (HTML error page, empty body): nothing structured to redact.
  }
  return shown.length > limit ? `${shown.slice(0, limit)}… (${shown.length} bytes)` : shown;
}
