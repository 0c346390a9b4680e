import { UsageError } from '../../errors.js';

/**
 * The Keystone v3 root from --os-auth-url: `http://host:5000`,
 * `http://host:5000/v3/` and `http://host/identity/v2.0` all become
 * `.../v3` (ucinder speaks Identity v3 only, as every supported Keystone does).
 */
export function keystoneV3Url(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`invalid --os-auth-url '${raw}': expected a URL such as http://controller:5000/v3`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`invalid --os-auth-url '${raw}': only http and https URLs are supported`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v3$/.test(path)) return `${url.origin}${path}`;
  if (/\/v2\.0$/.test(path)) return `${url.origin}${path.replace(/\/v2\.0$/, '/v3')}`;
  return `${url.origin}${path}/v3`;
}
