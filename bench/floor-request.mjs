// The floor for any Node CLI doing one request: node:http, no libraries.
// Usage: node floor-request.mjs <path under /v3/<project>> <key> [fields...]
// prints the listed fields of each item (or of the single object under key).
import http from 'node:http';

const [path, key, ...fields] = process.argv.slice(2);
const project = process.env.OS_PROJECT_ID;
const endpoint = process.env.OS_ENDPOINT ?? 'http://127.0.0.1:8776';
const request = http.get(
  `${endpoint}/v3/${project}${path}`,
  { headers: { 'X-Auth-Token': `admin:${project}`, 'OpenStack-API-Version': 'volume 3.70', Accept: 'application/json' } },
  (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => (body += chunk));
    response.on('end', () => {
      const value = JSON.parse(body)[key];
      for (const item of Array.isArray(value) ? value : [value]) process.stdout.write(`${fields.map((f) => item[f]).join(' ')}\n`);
    });
  },
);
request.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
