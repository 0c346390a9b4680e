/**
 * Stands in for `node:http2` in the bundle (see the build script's --alias).
 * undici loads node:http2 eagerly for its HTTP/2 client and falls back to
 * exactly this shape when it is missing; ucinder never speaks HTTP/2 (Cinder
 * APIs are HTTP/1.1), and loading http2 (plus tls) cost ~70 ms per command.
 */
export const constants = {};
