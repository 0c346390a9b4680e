// The floor for any Node CLI: one GET /volumes/detail with node:http, no
// libraries, printing id and name. Reads the same OS_* variables as ucinder.
import http from 'node:http';

const project = process.env.OS_PROJECT_ID;
const endpoint = process.env.OS_ENDPOINT ?? 'http://127.0.0.1:8776';
const request = http.get(
  `${endpoint}/v3/${project}/volumes/detail`,
  { headers: { 'X-Auth-Token': `admin:${project}`, 'OpenStack-API-Version': 'volume 3.70', Accept: 'application/json' } },
  (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => (body += chunk));
    response.on('end', () => {
      for (const volume of JSON.parse(body).volumes) process.stdout.write(`${volume.id} ${volume.name} ${volume.status}\n`);
    });
  },
);
request.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
