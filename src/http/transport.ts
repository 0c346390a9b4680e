import type { Dispatcher } from 'undici';

/**
 * The one place that touches undici at run time. Everything above it talks to
 * a `Transport`, so unit tests hand in an undici MockAgent instead.
 */
export interface Transport {
  send(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  close(): Promise<void>;
}

interface TransportOptions {
  /** Skip TLS verification (--insecure). */
  insecure: boolean;
  /** PEM bundle of extra trusted CAs (--os-cacert). */
  caCertificates?: string;
}

/** Wraps any undici dispatcher (an Agent, or a MockAgent in tests). */
export function transportFor(dispatcher: Dispatcher): Transport {
  return {
    send: (options) => dispatcher.request(options),
    close: () => dispatcher.close(),
  };
}

/**
 * Builds the real transport: one keep-alive Agent per invocation.
 *
 * It imports undici's Agent and request modules directly rather than the
 * package index: the index also loads fetch, WebSocket, EventSource, cookies
 * and the mock agent, which costs ~100 ms of start-up that a CLI doing one
 * or two requests cannot afford (see bench/RESULTS.md).
 */
export async function createTransport(options: TransportOptions): Promise<Transport> {
  const { Agent, request } = await import('./undici-agent.js');
  const agent: Dispatcher = new Agent({
    connect: {
      rejectUnauthorized: !options.insecure,
      ...(options.caCertificates ? { ca: options.caCertificates } : {}),
    },
    keepAliveTimeout: 10_000,
  });
  return {
    send: (requestOptions) => request.call(agent, requestOptions),
    close: () => agent.close(),
  };
}
