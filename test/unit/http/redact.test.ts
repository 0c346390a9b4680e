import { describe, expect, it } from 'vitest';
import { isSecretKey, redactBodyText, redactHeaders, redactJson } from '../../../src/http/redact.js';

describe('redaction', () => {
  it('masks auth headers whatever their case', () => {
    expect(redactHeaders({ 'X-Auth-Token': 't', authorization: 'Basic x', 'X-Service-Token': 's', Accept: 'application/json' })).toEqual({
      'X-Auth-Token': '***',
      authorization: '***',
      'X-Service-Token': '***',
      Accept: 'application/json',
    });
  });

  it.each(['password', 'auth_password', 'discovery_auth_password', 'admin_pass', 'secret', 'target_secret', 'token', 'keyring', 'credential', 'private_key', 'auth_key'])(
    '%s is a secret',
    (key) => {
      expect(isSecretKey(key)).toBe(true);
    },
  );

  it.each(['secret_uuid', 'secret_type', 'token_type', 'auth_username', 'auth_method', 'target_iqn', 'name'])('%s is not a secret', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });

  it('masks secrets at any depth, keeps empty and null values visible', () => {
    expect(redactJson({ connection_info: { data: { auth_password: 'p', auth_username: 'u', secret_uuid: 'id', keyring: null, secret: '' } }, list: [{ password: 'x' }] })).toEqual({
      connection_info: { data: { auth_password: '***', auth_username: 'u', secret_uuid: 'id', keyring: null, secret: '' } },
      list: [{ password: '***' }],
    });
  });

  it('shows non-JSON text as is, cut at the limit', () => {
    expect(redactBodyText('<html>oops</html>')).toBe('<html>oops</html>');
    expect(redactBodyText('x'.repeat(20), 8)).toBe('xxxxxxxx… (20 bytes)');
    expect(redactBodyText('{"password": "p"}')).toBe('{"password":"***"}');
  });
});
