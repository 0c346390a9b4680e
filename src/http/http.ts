import type { Dispatcher } from 'undici';
import { ApiError, BadResponseError, NetworkError, RequestTimeoutError, type RequestTarget } from './errors.js';
import { redactBodyText, redactHeaders } from './redact.js';
import type { Transport } from './transport.js';
import { InterruptedError } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL; `query` is appended to it. */
  url: string;
  query?: Query;
  headers?: Record<string, string>;
  /** Sent as JSON when defined. */
  body?: unknown;
  /** Statuses that are answers rather than errors besides 2xx (e.g. 300 for `GET /`). */
  acceptStatuses?: number[];
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body: read it through api/envelope.ts's checks, never by a cast. */
  body: unknown;
  requestId?: string;
}

export type DebugLog = (line: string) => void;

interface HttpClientOptions {
  transport: Transport;
  /** Per request, covering connect, headers and body (--timeout). */
  timeoutMs: number;
  userAgent: string;
  debug?: DebugLog;
  /** How many times an idempotent GET is tried at most on 5xx or a reset. */
  maxAttempts?: number;
  /** Longest wait between attempts, whatever Retry-After says. */
  maxRetryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Aborted on Ctrl-C: in-flight requests stop at once. */
  signal?: AbortSignal;
}

/** Statuses after which a GET may be tried again: the server said "not now". */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
/** Socket failures after which a GET may be tried again. */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The request layer: JSON in and out, typed errors, timeouts, debug logging
 * with secrets redacted, and bounded retries of idempotent GETs. It knows
 * nothing about Cinder's URLs or auth; see session.ts for that.
 */
export class HttpClient {
  private readonly maxAttempts: number;
  private readonly maxRetryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** Requests sent so far (retries included), for commands that report their cost under --debug. */
  requestCount = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const canRetry = request.method === 'GET' || request.method === 'HEAD';
    for (let attempt = 1; ; attempt++) {
      const last = !canRetry || attempt >= this.maxAttempts;
      try {
        const response = await this.send(request);
        return response;
      } catch (error) {
        const delay = last ? undefined : this.retryDelay(error, attempt);
        if (delay === undefined) throw error;
        this.options.debug?.(`retrying in ${delay} ms after: ${(error as Error).message}`);
        await this.sleep(delay);
      }
    }
  }

  close(): Promise<void> {
    return this.options.transport.close();
  }

  /** Milliseconds to wait before the next attempt, or undefined to give up. */
  private retryDelay(error: unknown, attempt: number): number | undefined {
    const backoff = Math.min(500 * 2 ** (attempt - 1), this.maxRetryDelayMs);
    if (error instanceof ApiError && RETRYABLE_STATUSES.has(error.status)) {
      const retryAfter = error.retryAfterSeconds;
      return retryAfter === undefined ? backoff : Math.min(retryAfter * 1000, this.maxRetryDelayMs);
    }
    if (error instanceof NetworkError && !(error instanceof RequestTimeoutError) && RETRYABLE_CODES.has(error.code ?? '')) {
      return backoff;
    }
    return undefined;
  }

  private async send(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
    }
    const target: RequestTarget = { method: request.method, url: url.toString() };
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
      ...request.headers,
    };
    let payload: string | undefined;
    if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['Content-Type'] = 'application/json';
    }
    const debug = this.options.debug;
    this.requestCount++;
    debug?.(`REQ: ${target.method} ${target.url} ${JSON.stringify(redactHeaders(headers))}` + (payload ? ` body: ${redactBodyText(payload)}` : ''));

    const started = this.now();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const interrupt = this.options.signal;
    const signal = interrupt ? AbortSignal.any([timeout, interrupt]) : timeout;
    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    try {
      const response = await this.options.transport.send({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method,
        headers,
        body: payload,
        signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      } satisfies Dispatcher.RequestOptions);
      status = response.statusCode;
      responseHeaders = flattenHeaders(response.headers);
      text = await response.body.text();
    } catch (error) {
      if (interrupt?.aborted) throw new InterruptedError(`interrupted during ${target.method} ${target.url}`);
      throw toNetworkError(error, target, this.options.timeoutMs, timeout.aborted);
    }
    const requestId = responseHeaders['x-openstack-request-id'] ?? responseHeaders['x-compute-request-id'];
    debug?.(`RESP: ${status} ${this.now() - started} ms ${target.method} ${target.url}` + (requestId ? ` ${requestId}` : '') + (text ? ` body: ${redactBodyText(text)}` : ''));

    const accepted = (status >= 200 && status < 300) || (request.acceptStatuses ?? []).includes(status);
    if (!accepted) throw apiErrorFrom(status, text, responseHeaders, requestId, target);
    return { status, headers: responseHeaders, body: parseJson(text, status, target), requestId };
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseJson(text: string, status: number, target: RequestTarget): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadResponseError(`malformed JSON in the response to ${target.method} ${target.url} (HTTP ${status}): ${snippet(text)}`);
  }
}

/** Pulls Cinder's (or Keystone's) message out of an error body of any shape. */
function apiErrorFrom(status: number, text: string, headers: Record<string, string>, requestId: string | undefined, target: RequestTarget): ApiError {
  let message: string | undefined;
  let fault: string | undefined;
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object') {
      const entries = Object.entries(body as Record<string, unknown>);
      // Cinder: {"itemNotFound": {"code": 404, "message": "..."}}; Keystone: {"error": {...}}.
      const [name, inner] = entries.length === 1 ? entries[0]! : [undefined, body];
      if (inner && typeof inner === 'object' && 'message' in inner) {
        message = String((inner as { message: unknown }).message);
        fault = name;
      } else if ('message' in (body as object)) {
        message = String((body as { message: unknown }).message);
      }
    }
  } catch {
    // An HTML or text error page, typically from a proxy in front of Cinder.
  }
  message ??= text.trim() ? `${target.method} ${target.url} failed: ${snippet(text)}` : `${target.method} ${target.url} failed`;
  // Error messages are one line; some server messages carry trailing newlines.
  message = message.replace(/\s+/g, ' ').trim();
  const error = new ApiError(status, message, requestId, target, fault);
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) error.retryAfterSeconds = retryAfter;
  return error;
}

/** The first line of a text or HTML body, tags stripped, for one-line errors. */
function snippet(text: string): string {
  const plain = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
  const line = plain
    .split(/\s*\n\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');
  const squeezed = line.replace(/\s+/g, ' ');
  return squeezed.length > 160 ? `${squeezed.slice(0, 160)}…` : squeezed;
}

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  UND_ERR_SOCKET: 'connection closed by the server before the response was complete',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed temporarily (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection broken',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed (use --os-cacert FILE, or --insecure)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain has a self-signed certificate (use --os-cacert FILE, or --insecure)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified (use --os-cacert FILE, or --insecure)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate issuer unknown (use --os-cacert FILE, or --insecure)',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
};

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function toNetworkError(error: unknown, target: RequestTarget, timeoutMs: number, timedOut: boolean): Error {
  if (error instanceof ApiError || error instanceof BadResponseError) return error;
  const code = errorCode(error);
  const where = `${target.method} ${target.url}`;
  if (timedOut || TIMEOUT_CODES.has(code ?? '') || (error as Error)?.name === 'TimeoutError') {
    return new RequestTimeoutError(`no response from ${where} within ${formatSeconds(timeoutMs)} (raise --timeout?)`, target, code ?? 'ETIMEDOUT');
  }
  const reason = (code && NETWORK_MESSAGES[code]) ?? (error as Error)?.message ?? String(error);
  return new NetworkError(`cannot reach ${where}: ${reason}`, target, code);
}

/** undici puts the socket error's code on the error itself or on its cause. */
function errorCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && current.code !== 'UND_ERR_ABORTED') return current.code;
    if (current instanceof AggregateError && current.errors.length) current = current.errors[0];
    else current = current.cause as typeof current;
  }
  return undefined;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
