import { BASE_PATH, interceptVersions, type MockPool } from '../../helpers/harness.js';

/**
 * A Cinder for `ucinder status`: every listing it reads, answered from
 * `cloud` by path and filter (status, attach_status), every request
 * recorded. Listings the test leaves out answer empty.
 */
export interface FakeCloud {
  services?: object[];
  clusters?: object[];
  pools?: object[];
  /** By status. */
  volumes?: Record<string, object[]>;
  snapshots?: Record<string, object[]>;
  backups?: Record<string, object[]> | 'missing';
  /** By attach_status. */
  attachments?: Record<string, object[]>;
  messages?: object[];
}

export function serveCloud(pool: MockPool, cloud: FakeCloud, maxVersion = '3.70'): string[] {
  const seen: string[] = [];
  interceptVersions(pool, maxVersion);
  pool
    .intercept({ path: (path: string) => path.startsWith(`${BASE_PATH}/`), method: 'GET' })
    .reply<object>((request): { statusCode: number; data: object } => {
      const url = new URL(String(request.path), 'http://cinder.test');
      seen.push(`${url.pathname.slice(BASE_PATH.length)}${url.search}`);
      const query = url.searchParams;
      const byStatus = (table: Record<string, object[]> | undefined, key = 'status') => table?.[query.get(key) ?? ''] ?? [];
      switch (url.pathname.slice(BASE_PATH.length)) {
        case '/os-services':
          return { statusCode: 200, data: { services: cloud.services ?? [] } };
        case '/clusters/detail':
          return { statusCode: 200, data: { clusters: cloud.clusters ?? [] } };
        case '/scheduler-stats/get_pools':
          return { statusCode: 200, data: { pools: cloud.pools ?? [] } };
        case '/volumes/detail':
          return { statusCode: 200, data: { volumes: byStatus(cloud.volumes) } };
        case '/snapshots/detail':
          return { statusCode: 200, data: { snapshots: byStatus(cloud.snapshots) } };
        case '/backups/detail':
          if (cloud.backups === 'missing') return { statusCode: 404, data: { itemNotFound: { code: 404, message: 'The resource could not be found.' } } };
          return { statusCode: 200, data: { backups: byStatus(cloud.backups) } };
        case '/attachments/detail':
          return { statusCode: 200, data: { attachments: byStatus(cloud.attachments, 'attach_status') } };
        case '/messages':
          return { statusCode: 200, data: { messages: cloud.messages ?? [] } };
        default:
          return { statusCode: 599, data: { error: `unexpected ${url.pathname}` } };
      }
    })
    .persist();
  return seen;
}
