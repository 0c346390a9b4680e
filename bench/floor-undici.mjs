// The floor for a Node CLI doing one request with undici, the HTTP library
// ucinder uses: the same GET as floor-request.mjs through undici's Agent and
// request, loaded the way ucinder loads them (deep imports, Liftoff only: see
// src/http/undici-agent.ts), so this is undici at its cheapest.
// Usage: node floor-undici.mjs <path under /v3/<project>> <key> [fields...]
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
const require = createRequire(import.meta.url);
const Agent = require('undici/lib/dispatcher/agent.js');
const request = require('undici/lib/api/api-request.js');

const [path, key, ...fields] = process.argv.slice(2);
const project = process.env.OS_PROJECT_ID;
const endpoint = new URL(process.env.OS_ENDPOINT ?? 'http://127.0.0.1:8776');
const agent = new Agent();
try {
  const response = await request.call(agent, {
    origin: endpoint.origin,
    path: `/v3/${project}${path}`,
    method: 'GET',
    headers: { 'X-Auth-Token': `admin:${project}`, 'OpenStack-API-Version': 'volume 3.70', Accept: 'application/json' },
  });
  const value = (await response.body.json())[key];
  for (const item of Array.isArray(value) ? value : [value]) process.stdout.write(`${fields.map((f) => item[f]).join(' ')}\n`);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await agent.close();
}
