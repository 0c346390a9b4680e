"""Minimal fake Keystone + Nova for the ucinder test bed.

Why: since the fix for bug #2004555 (CVE-2023-2088) Cinder asks Nova before
deleting an attachment that has an instance_uuid and connection_info
(DELETE /attachments/{id}, os-terminate_connection, os-detach).  Without any
Nova the API answers 500 "Could not find requested endpoint in Service
Catalog".  This server answers like a cloud where the instance no longer
exists: Keystone hands out a catalog with a compute endpoint, and Nova returns
404 for every server, so Cinder logs "Instance or volume not found on Nova,
deleting attachment locally" and proceeds.

Usage: fake_nova.py PORT   (cinder.conf: [nova] token_auth_url =
http://127.0.0.1:PORT/identity)
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 18774
BASE = 'http://127.0.0.1:%d' % PORT


def v3_version():
    return {'id': 'v3.14', 'status': 'stable', 'updated': '2020-04-07T00:00:00Z',
            'links': [{'rel': 'self', 'href': BASE + '/identity/v3/'}],
            'media-types': [{'base': 'application/json',
                             'type': 'application/vnd.openstack.identity-v3+json'}]}


class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        sys.stderr.write('fake_nova: %s %s\n' % (self.requestline, fmt % args))

    def _send(self, code, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(n) if n else b''

    def do_GET(self):
        p = self.path.split('?')[0].rstrip('/')
        if p == '/identity':
            return self._send(300, {'versions': {'values': [v3_version()]}})
        if p == '/identity/v3':
            return self._send(200, {'version': v3_version()})
        if p.startswith('/compute'):
            return self._send(404, {'itemNotFound': {
                'code': 404, 'message': 'Instance could not be found.'}})
        return self._send(404, {'error': {'code': 404, 'message': 'not found'}})

    def do_POST(self):
        self._body()
        p = self.path.split('?')[0].rstrip('/')
        if p == '/identity/v3/auth/tokens':
            ep = [{'id': 'e1', 'interface': i, 'region': 'RegionOne',
                   'region_id': 'RegionOne', 'url': BASE + '/compute/v2.1'}
                  for i in ('public', 'internal', 'admin')]
            token = {'token': {
                'methods': ['token'], 'expires_at': '2099-01-01T00:00:00.000000Z',
                'issued_at': '2020-01-01T00:00:00.000000Z',
                'user': {'id': 'admin', 'name': 'admin',
                         'domain': {'id': 'default', 'name': 'Default'}},
                'project': {'id': 'p', 'name': 'p',
                            'domain': {'id': 'default', 'name': 'Default'}},
                'roles': [{'id': 'admin', 'name': 'admin'}],
                'catalog': [
                    {'type': 'compute', 'name': 'nova', 'id': 'c', 'endpoints': ep},
                    {'type': 'identity', 'name': 'keystone', 'id': 'i',
                     'endpoints': [dict(e, url=BASE + '/identity') for e in ep]},
                ]}}
            return self._send(201, token, {'X-Subject-Token': 'fake-nova-token'})
        return self._send(404, {'itemNotFound': {'code': 404, 'message': 'not found'}})

    do_PUT = do_DELETE = do_POST


if __name__ == '__main__':
    ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
