import { beforeAll, describe, expect, it } from 'vitest';
import { keystonePeers, startKeystone } from './cloud-peers.js';
import { sideBySide } from './side-by-side.js';

type Token = Record<string, string>;

/** openstack's strftime('%Y-%m-%dT%H:%M:%S%z') of Keystone's expires_at. */
const EXPIRES = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;

/**
 * Each side gets its own token, so ids and expiry times differ; the keys,
 * their order, the scope and user, and the shape of `expires` must not.
 */
function expectSameToken(ours: Token, theirs: Token): void {
  expect(Object.keys(ours)).toEqual(Object.keys(theirs));
  for (const key of Object.keys(theirs)) {
    if (key === 'id' || key === 'expires') continue;
    expect(ours[key], key).toBe(theirs[key]);
  }
  expect(ours.id).toMatch(/^\S{20,}$/);
  expect(ours.expires).toMatch(EXPIRES);
  expect(theirs.expires).toMatch(EXPIRES);
  const apart = Math.abs(Date.parse(ours.expires!.replace('+0000', 'Z')) - Date.parse(theirs.expires!.replace('+0000', 'Z')));
  expect(apart, 'both tokens were issued for the same lifetime, moments apart').toBeLessThan(120_000);
}

describe('parity with openstack: token issue', () => {
  beforeAll(() => startKeystone(), 900_000);

  it('token issue (project scope): expires, id, project_id, user_id as openstack prints them', async () => {
    const peers = sideBySide(keystonePeers());
    const { ours, theirs } = await peers.json(['token', 'issue']);
    expect(Object.keys(theirs as Token)).toEqual(['expires', 'id', 'project_id', 'user_id']);
    expectSameToken(ours as Token, theirs as Token);
    const value = await peers.text(['token', 'issue', '-f', 'value', '-c', 'user_id', '-c', 'project_id']);
    expect(value.ours).toBe(value.theirs);
    const shell = await peers.text(['token', 'issue', '-f', 'shell', '--prefix', 't_', '-c', 'project_id', '-c', 'user_id']);
    expect(shell.ours).toBe(shell.theirs);
  });

  it('token issue (system scope): expires, id, system, user_id as openstack prints them', async () => {
    const peers = sideBySide(keystonePeers({ systemAdmin: true }));
    const { ours, theirs } = await peers.json(['token', 'issue']);
    expect(Object.keys(theirs as Token)).toEqual(['expires', 'id', 'system', 'user_id']);
    expectSameToken(ours as Token, theirs as Token);
  });
});
