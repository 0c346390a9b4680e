import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgent, PROJECT, run } from '../helpers/harness.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const CERT = `${FIXTURES}cert.pem`;

/**
 * The real transport against an in-process HTTPS server on the loopback
 * interface with a self-signed certificate: verification is on by default,
 * --insecure turns it off, --os-cacert trusts the given CA.
 */
describe('TLS verification (real transport, loopback server)', () => {
  let server: Server;
  let endpoint = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer({ cert: readFileSync(CERT), key: readFileSync(`${FIXTURES}key.pem`) }, (request, response) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.url === '/') {
        response.writeHead(300, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.68', min_version: '3.0' }] }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ services: [{ binary: 'cinder-volume', host: 'h', zone: 'nova', status: 'enabled', state: 'up', updated_at: null }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const serviceList = (flags: string[]) =>
    run([...flags, 'service', 'list', '-f', 'value', '-c', 'Binary'], newAgent().agent, { realTransport: true, env: { OS_ENDPOINT: endpoint } });

  it('refuses a self-signed certificate by default, saying what to do', async () => {
    requests.length = 0;
    const result = await serviceList([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`ucinder: cannot reach GET ${endpoint}/: TLS certificate is self-signed (use --os-cacert FILE, or --insecure)\n`);
    expect(requests).toEqual([]);
  });

  it('--insecure connects, with a warning', async () => {
    requests.length = 0;
    const result = await serviceList(['--insecure']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('cinder-volume\n');
    expect(result.stderr).toBe('ucinder: warning: TLS certificate verification is disabled (--insecure)\n');
    expect(requests).toEqual(['GET /', `GET /v3/${PROJECT}/os-services`]);
  });

  it('--os-cacert trusts the given CA', async () => {
    const result = await serviceList(['--os-cacert', CERT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('cinder-volume\n');
  });
});
