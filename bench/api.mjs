// Direct Cinder API calls for the benchmarks' setup and cleanup (creating
// 2,000 volumes is not what is being measured): node:http, keep-alive,
// bounded concurrency, retries of transient 5xx.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export function cinderApi({ endpoint, project }) {
  const base = new URL(`${endpoint}/v3/${project}`);
  function request(method, path, body) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path: `${base.pathname}${path}`,
          headers: {
            'X-Auth-Token': `admin:${project}`,
            'OpenStack-API-Version': 'volume 3.70',
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function withRetries(what, call, ok) {
    for (let attempt = 1; ; attempt++) {
      const response = await call().catch((error) => ({ status: 0, error }));
      if (ok(response.status)) return response;
      if (attempt >= 8) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body ?? response.error?.message)}`);
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }

  /** Every volume of the project whose name starts with prefix (name~ needs 3.34). */
  async function volumesNamed(prefix) {
    const found = [];
    let marker;
    for (;;) {
      const query = `?name~=${encodeURIComponent(prefix)}&limit=1000${marker ? `&marker=${marker}` : ''}`;
      const { body } = await withRetries(
        'list',
        () => request('GET', `/volumes/detail${query}`),
        (s) => s === 200,
      );
      const page = body.volumes.filter((v) => v.name?.startsWith(prefix));
      found.push(...page);
      if (body.volumes.length === 0 || !body.volumes_links?.some((l) => l.rel === 'next')) return found;
      marker = body.volumes.at(-1).id;
    }
  }

  return {
    request,
    volumesNamed,
    /** Creates count volumes named `${prefix}${n}` (1 GiB), concurrency at a time. */
    async createVolumes(prefix, count, concurrency = 16) {
      let next = 0;
      const ids = [];
      const worker = async () => {
        while (next < count) {
          const n = next++;
          const name = `${prefix}${String(n).padStart(5, '0')}`;
          const { body } = await withRetries(
            `create ${name}`,
            () => request('POST', '/volumes', { volume: { name, size: 1 } }),
            (s) => s === 202,
          );
          ids.push(body.volume.id);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return ids;
    },
    /** Polls until no volume named prefix* is in a transitional state; returns their statuses. */
    async waitSettled(prefix, timeoutMs = 900_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const volumes = await volumesNamed(prefix);
        const busy = volumes.filter((v) => ['creating', 'deleting'].includes(v.status));
        if (busy.length === 0) return volumes;
        if (Date.now() > deadline) throw new Error(`${busy.length} volumes still busy after ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    },
    /** Deletes every volume named prefix* (bounded concurrency) and waits until they are gone. */
    async deleteAllNamed(prefix, concurrency = 16) {
      for (let round = 0; round < 5; round++) {
        const volumes = await volumesNamed(prefix);
        if (volumes.length === 0) return;
        let next = 0;
        const worker = async () => {
          while (next < volumes.length) {
            const volume = volumes[next++];
            if (volume.status === 'deleting') continue;
            await withRetries(
              `delete ${volume.id}`,
              () => request('DELETE', `/volumes/${volume.id}`),
              (s) => s === 202 || s === 404 || s === 400,
            );
          }
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
        const deadline = Date.now() + 600_000;
        while ((await volumesNamed(prefix)).some((v) => v.status === 'deleting') && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
    },
  };
}
