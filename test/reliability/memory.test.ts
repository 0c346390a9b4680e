import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateHome, spawnUcinder } from '../support/ucinder-process.js';

/**
 * Memory flat in the number of pages: `volume list -f value|json|csv` writes
 * each page as it arrives and keeps nothing. Proof without timing or RSS
 * thresholds: 400 pages (40,000 volumes, ~30 MB of JSON) must list in full
 * in a process whose V8 old space is capped at 24 MiB, which is impossible
 * if the volumes were held: under the same cap, a script holding 40,000 such
 * volume objects, and `-f table` (which must keep every row for its column
 * widths), both die of heap exhaustion. (bench/scale.mjs reports peak RSS.)
 */
const PAGES = 400;
const PAGE_SIZE = 100;
const TOTAL = PAGES * PAGE_SIZE;

function volume(index: number) {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `vol-${index}`,
    status: 'available',
    size: 1,
    volume_type: '__DEFAULT__',
    bootable: 'false',
    attachments: [],
    metadata: { owner: 'memory-test' },
    description: 'x'.repeat(400),
    'os-vol-host-attr:host': 'node1@mmj#mmj',
  };
}

/** A paginating fake Cinder: GET / (versions) and /v3/p/volumes/detail with limit/marker and *_links next. */
function startPager(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://127.0.0.1');
    const port = (server.address() as AddressInfo).port;
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/') {
      response.end(JSON.stringify({ versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0', links: [] }] }));
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const marker = url.searchParams.get('marker');
    const start = marker ? Number(marker.slice(-12)) + 1 : 0;
    const volumes = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - start)) }, (_, k) => volume(start + k));
    const next = start + volumes.length < TOTAL ? [{ rel: 'next', href: `http://127.0.0.1:${port}${url.pathname}?limit=${limit}&marker=${volumes.at(-1)!.id}` }] : undefined;
    response.end(JSON.stringify({ volumes, ...(next ? { volumes_links: next } : {}) }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs ucinder with a capped old space; counts stdout lines instead of keeping them. */
function listCapped(port: number, format: string): Promise<{ code: number | null; lines: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnUcinder(
      ['--no-cache', 'volume', 'list', '--page-size', String(PAGE_SIZE), '-f', format, '-c', 'ID', '-c', 'Name'],
      { ...privateHome(), OS_ENDPOINT: `http://127.0.0.1:${port}/v3/p`, OS_PROJECT_ID: 'p' },
      { nodeArgs: ['--max-old-space-size=24'] },
    );
    let lines = 0;
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines, stderr }));
  });
}

describe(`memory: ${PAGES} pages listed with V8's old space capped at 24 MiB`, () => {
  let server: Server;
  beforeAll(async () => {
    server = await startPager();
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['value', TOTAL],
    ['csv', TOTAL + 1], // header line
    ['json', TOTAL * 4 + 2], // "[", "]", and per volume "{", ID, Name, "}"
    ['yaml', TOTAL * 2], // "- ID: …" and "  Name: …"
  ])('-f %s lists all %i lines', { timeout: 120_000 }, async (format, expectedLines) => {
    const run = await listCapped((server.address() as AddressInfo).port, format);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toBe(expectedLines);
  });
});
