/** Tokens are not reused in the last two minutes of their life: a command may run that long. */
const TOKEN_EXPIRY_MARGIN_MS = 2 * 60 * 1000;

/** True when a token expiring at `expiresAt` (ISO 8601) is within the margin of `now`, or the date is unreadable. */
export function expiresSoon(expiresAt: string, now: number): boolean {
  const expires = Date.parse(expiresAt);
  return !Number.isFinite(expires) || expires - TOKEN_EXPIRY_MARGIN_MS <= now;
}
