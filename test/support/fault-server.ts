import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fault server saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * Decides the answer to one request. Return true when handled; false lets the
 * server's well-behaved Cinder defaults answer.
 */
export type Fault = (request: RecordedRequest, response: ServerResponse, socket: Socket) => boolean | Promise<boolean>;

export interface FaultServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Every request received, in order (discovery `GET /` included). */
  requests: RecordedRequest[];
  /** Replaces the fault rule for the following requests. */
  setFault(fault: Fault | undefined): void;
  close(): Promise<void>;
}

export const PROJECT = 'f00dcafef00dcafef00dcafef00dcafe';

/** A volume as Cinder 3.70 shows it, with fields the CLI reads. */
export function fakeVolume(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name,
    status: 'available',
    size: 1,
    volume_type: '__DEFAULT__',
    bootable: 'false',
    attachments: [],
    metadata: {},
    availability_zone: 'nova',
    created_at: '2026-01-01T00:00:00.000000',
    'os-vol-host-attr:host': 'node1@mmj#mmj',
    'os-vol-tenant-attr:tenant_id': PROJECT,
    multiattach: false,
    encrypted: false,
    ...extra,
  };
}

export const VOLUME_ID = '11111111-2222-4333-8444-555555555555';

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
  return true;
}

/** What a healthy Cinder would answer: enough for discovery, list, show, create and delete. */
function cinderDefaults(request: RecordedRequest, response: ServerResponse, origin: string): void {
  const path = new URL(request.url, origin).pathname;
  if (request.method === 'GET' && (path === '/' || path === '')) {
    json(response, 300, {
      versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0', links: [{ rel: 'self', href: `${origin}/v3/` }] }],
    });
    return;
  }
  const base = `/v3/${PROJECT}`;
  if (request.method === 'GET' && path === `${base}/volumes/detail`) {
    json(response, 200, { volumes: [fakeVolume(VOLUME_ID, 'vol-a')] });
    return;
  }
  if (request.method === 'GET' && path === `${base}/volumes/${VOLUME_ID}`) {
    json(response, 200, { volume: fakeVolume(VOLUME_ID, 'vol-a') });
    return;
  }
  if (request.method === 'POST' && path === `${base}/volumes`) {
    const name = (JSON.parse(request.body || '{}') as { volume?: { name?: string } }).volume?.name ?? '';
    json(response, 202, { volume: fakeVolume(VOLUME_ID, name, { status: 'creating' }) });
    return;
  }
  if (request.method === 'DELETE' && path === `${base}/volumes/${VOLUME_ID}`) {
    response.writeHead(202, { 'Content-Length': 0 });
    response.end();
    return;
  }
  if (request.method === 'GET' && path === `${base}/os-services`) {
    json(response, 200, { services: [] });
    return;
  }
  json(response, 404, { itemNotFound: { code: 404, message: `nothing at ${path}` } });
}

/**
 * A local HTTP(S) server standing in for Cinder that records every request
 * and injects faults: connection resets mid-response, stalls, 5xx with
 * Retry-After, malformed JSON, HTML error pages... Bound to 127.0.0.1 on a
 * random port.
 */
export async function startFaultServer(options: { tls?: { key: string; cert: string } } = {}): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  let fault: Fault | undefined;
  const sockets = new Set<Socket>();
  let origin = '';

  const handle = (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      void (async () => {
        const handled = fault ? await fault(request, response, incoming.socket) : false;
        if (!handled) cinderDefaults(request, response, origin);
      })().catch(() => incoming.socket.destroy());
    });
  };

  const server: Server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A TLS client that rejects our certificate just hangs up: not our problem.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: origin,
    requests,
    setFault: (next) => {
      fault = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The environment pointing bin/ucinder at a fault server, with private caches. */
export function faultEnv(server: FaultServer, home: Record<string, string>): Record<string, string> {
  return {
    ...home,
    OS_AUTH_TYPE: 'noauth',
    OS_ENDPOINT: server.url,
    OS_PROJECT_ID: PROJECT,
    OS_TOKEN: `admin:${PROJECT}`,
  };
}

/** Requests other than the discovery `GET /`. */
export function apiRequests(server: FaultServer): RecordedRequest[] {
  return server.requests.filter((request) => !(request.method === 'GET' && request.url === '/'));
}

/** Helpers for common faults. */
export const faults = {
  status(status: number, body: string, headers: Record<string, string> = {}): (response: ServerResponse) => true {
    return (response) => {
      response.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
      response.end(body);
      return true;
    };
  },
  json,
};

/** A volume id for test volume number n. */
export function volumeId(n: number): string {
  return `aaaaaaaa-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * A Cinder with any number of available volumes (`volumeId(n)`, named
 * `vol-n`) that exports them over iSCSI with CHAP `chapSecret`.
 */
export function exportingCinder(chapSecret: string): Fault {
  return (request, response) => {
    const match = /\/volumes\/(aaaaaaaa-0000-4000-8000-([0-9a-f]{12}))(\/action)?$/.exec(request.url.split('?')[0]!);
    if (!match) return false;
    const [, id, number, action] = match;
    if (!action && request.method === 'GET') return json(response, 200, { volume: fakeVolume(id!, `vol-${parseInt(number!, 16)}`) });
    if (action && request.method === 'POST' && request.body.includes('os-initialize_connection')) {
      return json(response, 200, {
        connection_info: {
          driver_volume_type: 'iscsi',
          data: {
            target_discovered: false,
            target_portal: '127.0.0.1:3260',
            target_iqn: `iqn.2010-10.org.openstack:volume-${id}`,
            target_lun: 1,
            volume_id: id,
            auth_method: 'CHAP',
            auth_username: 'chapuser',
            auth_password: chapSecret,
            access_mode: 'rw',
          },
        },
      });
    }
    return false;
  };
}

/**
 * A Keystone on the same server: POST /v3/auth/tokens issues `token` with a
 * catalog whose block-storage endpoint is this server (the fake Cinder).
 * Counts issued tokens in `issued`.
 */
export function keystone(token: string, origin: () => string, issued: { count: number }): Fault {
  return (request, response) => {
    if (!(request.method === 'POST' && request.url === '/identity/v3/auth/tokens')) return false;
    issued.count++;
    const body = JSON.stringify({
      token: {
        methods: ['password'],
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        issued_at: new Date().toISOString(),
        user: { id: 'u1', name: 'operator', domain: { id: 'default', name: 'Default' } },
        project: { id: PROJECT, name: 'ops', domain: { id: 'default', name: 'Default' } },
        catalog: [{ type: 'volumev3', name: 'cinderv3', endpoints: [{ interface: 'public', region: 'RegionOne', url: `${origin()}/v3/${PROJECT}` }] }],
      },
    });
    response.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': token, 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
    return true;
  };
}

/** Environment for password auth against `keystone()` on this server. */
export function passwordEnv(server: FaultServer, home: Record<string, string>, password: string): Record<string, string> {
  return {
    ...home,
    OS_AUTH_URL: `${server.url}/identity/v3`,
    OS_USERNAME: 'operator',
    OS_PASSWORD: password,
    OS_PROJECT_NAME: 'ops',
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
  };
}
