import { UcinderError } from '../errors.js';

/** Where a request went, for messages: "GET http://host:8776/v3/p/volumes". */
export interface RequestTarget {
  method: string;
  url: string;
}

/**
 * Cinder answered with an error status. `message` carries Cinder's own words
 * (from bodies like {"itemNotFound":{"code":404,"message":"..."}}), the status
 * and the request id so operators can grep the server logs.
 */
export class ApiError extends UcinderError {
  override name = 'ApiError';
  /** From a Retry-After header (503, 413 overLimit). */
  retryAfterSeconds?: number;
  constructor(
    readonly status: number,
    readonly serverMessage: string,
    readonly requestId: string | undefined,
    readonly target: RequestTarget,
    /** Cinder's fault name, e.g. itemNotFound, overLimit. */
    readonly fault?: string,
  ) {
    super(`${serverMessage} (HTTP ${status})` + (requestId ? ` (Request-ID: ${requestId})` : ''));
  }
}

/** The server could not be reached or the connection broke. */
export class NetworkError extends UcinderError {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly target: RequestTarget,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** No complete answer within --timeout. */
export class RequestTimeoutError extends NetworkError {
  override name = 'RequestTimeoutError';
}

/** The server answered something we cannot understand (HTML, broken JSON). */
export class BadResponseError extends UcinderError {
  override name = 'BadResponseError';
}
