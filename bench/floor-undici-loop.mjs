// The floor for batch mode: the same `GET /volumes/<id>` for every ID read
// from stdin (one per line), one after the other over ONE kept-alive undici
// connection, loaded as ucinder loads undici; prints each volume's name.
// Usage: node floor-undici-loop.mjs < ids.txt
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
const require = createRequire(import.meta.url);
const Agent = require('undici/lib/dispatcher/agent.js');
const request = require('undici/lib/api/api-request.js');

const project = process.env.OS_PROJECT_ID;
const endpoint = new URL(process.env.OS_ENDPOINT ?? 'http://127.0.0.1:8776');
const agent = new Agent({ connections: 1 });
try {
  for await (const id of createInterface({ input: process.stdin })) {
    if (!id) continue;
    const response = await request.call(agent, {
      origin: endpoint.origin,
      path: `/v3/${project}/volumes/${id}`,
      method: 'GET',
      headers: { 'X-Auth-Token': `admin:${project}`, 'OpenStack-API-Version': 'volume 3.70', Accept: 'application/json' },
    });
    const { volume } = await response.body.json();
    process.stdout.write(`${volume.name}\n`);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await agent.close();
}
