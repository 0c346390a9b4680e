'use strict';
// Run at package time by the Node an executable embeds (natively, or under
// qemu-user-static for another architecture): a V8 code cache is accepted only
// by the V8 build and CPU features that made it. Loads dist/'s bundles through
// the executable's own loader (sea-main.cjs) and runs the batch of commands
// on stdin against a stand-in for Cinder on a local port, so that the
// functions those commands call are compiled too (a cache made at compile
// time holds only the top level); at exit, writes each loaded bundle's cache
// as OUT/<bundle>.cache. Exits non-zero if a command failed.
// Usage: node sea-code-cache.cjs DIST OUT < commands   (stdout: the commands', to be discarded)
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const v8 = require('node:v8');
const { distLoader } = require('./sea-main.cjs');

// A V8 flag set at run time changes the flag hash every code cache is
// checked against. http/undici-agent.ts sets --liftoff-only once undici is
// loaded, so the bundles loaded up to then (ucinder.cjs, cli.cjs, undici.cjs)
// are compiled with the hash of no such flag: their caches must have it too,
// though they are written at exit. (Bundles loaded after it, such as chalk.cjs,
// get no usable cache either way, as under the npm command.)
v8.setFlagsFromString = () => {};

const [dist, out] = process.argv.slice(2);
const PROJECT = '0123456789abcdef0123456789abcdef';
const VOLUME = { id: '5f1c6a44-7f04-4a39-9a1e-0d1e2a3b4c5d', name: 'warm-up', status: 'available', size: 1, volume_type: '__DEFAULT__', bootable: 'false', attachments: [], metadata: {} };

/** Just enough of Cinder for the warm-up commands: version discovery and the volume list. */
const cinder = createServer((request, response) => {
  const json = (status, body) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  if (request.url === '/') {
    return json(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0', links: [{ rel: 'self', href: `http://${request.headers.host}/v3/` }] }] });
  }
  if (request.url?.startsWith(`/v3/${PROJECT}/volumes/detail`)) return json(200, { volumes: [VOLUME] });
  return json(404, { itemNotFound: { code: 404, message: `${request.url} is not part of the warm-up` } });
});
cinder.keepAliveTimeout = 50;

cinder.listen(0, '127.0.0.1', () => {
  cinder.unref();
  const home = mkdtempSync(join(tmpdir(), 'ucinder-code-cache-'));
  Object.assign(process.env, {
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_STATE_HOME: join(home, 'state'),
    OS_ENDPOINT: `http://127.0.0.1:${cinder.address().port}`,
    OS_AUTH_TYPE: 'noauth',
    OS_PROJECT_ID: PROJECT,
  });
  const { load, loaded } = distLoader((name) => readFileSync(join(dist, name), 'utf8'), () => undefined);
  process.on('exit', () => {
    for (const { name, script } of loaded) writeFileSync(join(out, `${name}.cache`), script.createCachedData());
  });
  // As ucinder's entry reads it: no command, so the commands come from stdin (batch mode).
  process.argv = [process.execPath, 'ucinder'];
  load('ucinder.cjs');
});
