'use strict';
/**
 * The fake iscsiadm, rbd, nvme, blockdev and multipath of the integration
 * tests (attach-fake-tools.ts installs one small launcher per tool that
 * calls main()). This machine has no kernel iSCSI or RBD, but loop devices
 * work, so the fakes keep state like the real tools and make real block
 * devices:
 *
 * - iscsiadm: node records (`-m node ... --op new|update|delete`), sessions
 *   (`--login` / `--logout`, `-m session` lists them as open-iscsi does). A
 *   login attaches the target's backing file (<dir>/disks/) to a loop device
 *   and links /dev/disk/by-path/ip-<portal>-iscsi-<iqn>-lun-1 to it, as udev
 *   would; the LUN is 1, as the test bed's driver exports it.
 * - rbd: `map` attaches the image's backing file and links /dev/rbd/<pool>/<image>;
 *   `showmapped --format json` lists maps as Ceph does (the device is the loop
 *   device); `unmap` takes a link or the device.
 * - nvme, blockdev, multipath: only recorded.
 *
 * A backing file stands for the volume on the storage: it outlives sessions
 * and maps, so what a test writes before a "reboot" (rebootFakeHost: every
 * session and map gone, node records kept, as on disk) is there again after
 * the next login. Every call is appended to <dir>/calls.log as a JSON argv.
 * FAKE_EXIT_<TOOL>=N makes --login / map / connect fail with exit N;
 * FAKE_ISCSI_NO_LUN=1 makes a login succeed with no LUN behind it (no device).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ISCSI_ERR_SESS_EXISTS = 15;
const ISCSI_ERR_NO_OBJS_FOUND = 21;
const DISK_BYTES = 1024 * 1024;

function statePaths(dir) {
  return {
    state: path.join(dir, 'host-state.json'),
    disks: path.join(dir, 'disks'),
    log: path.join(dir, 'calls.log'),
  };
}

function load(dir) {
  try {
    return JSON.parse(fs.readFileSync(statePaths(dir).state, 'utf8'));
  } catch {
    return { nodes: {}, sessions: [], maps: [], nextSession: 1, nextMap: 0 };
  }
}

function save(dir, state) {
  const file = statePaths(dir).state;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 1));
  fs.renameSync(`${file}.tmp`, file);
}

/** A loop device over the volume's backing file (made once, sparse). */
function attachDisk(dir, key) {
  const disks = statePaths(dir).disks;
  fs.mkdirSync(disks, { recursive: true });
  const file = path.join(disks, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.img`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, DISK_BYTES);
  }
  return execFileSync('losetup', ['-f', '--show', file], { encoding: 'utf8' }).trim();
}

function link(at, target) {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.rmSync(at, { force: true });
  fs.symlinkSync(target, at);
}

/** Undoes attachDisk and the udev link; a loop device already gone is fine. */
function detachDisk(loop, at) {
  fs.rmSync(at, { force: true });
  try {
    execFileSync('losetup', ['-d', loop], { stdio: 'ignore' });
  } catch {
    // already detached
  }
}

function fail(tool, code, message) {
  process.stderr.write(`${tool}: ${message}\n`);
  process.exit(code);
}

function option(args, name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function byPath(portal, iqn) {
  return `/dev/disk/by-path/ip-${portal}-iscsi-${iqn}-lun-1`;
}

function iscsiadm(dir, args) {
  const state = load(dir);
  const mode = option(args, '-m');
  if (mode === 'session') {
    if (state.sessions.length === 0) fail('iscsiadm', ISCSI_ERR_NO_OBJS_FOUND, 'No active sessions.');
    for (const session of state.sessions) process.stdout.write(`tcp: [${session.id}] ${session.portal},1 ${session.iqn} (non-flash)\n`);
    return;
  }
  if (mode !== 'node') return;
  const iqn = option(args, '-T');
  const portal = option(args, '-p');
  const key = `${iqn} ${portal}`;
  const op = option(args, '--op');
  if (op === 'new') {
    state.nodes[key] = state.nodes[key] ?? { 'node.startup': 'manual' };
  } else if (op === 'update') {
    if (!state.nodes[key]) fail('iscsiadm', ISCSI_ERR_NO_OBJS_FOUND, 'No records found');
    state.nodes[key][option(args, '-n')] = option(args, '-v');
  } else if (op === 'delete') {
    if (!state.nodes[key]) fail('iscsiadm', ISCSI_ERR_NO_OBJS_FOUND, 'No records found');
    delete state.nodes[key];
  } else if (args.includes('--login')) {
    if (!state.nodes[key]) fail('iscsiadm', ISCSI_ERR_NO_OBJS_FOUND, 'No records found');
    if (state.sessions.some((session) => session.iqn === iqn && session.portal === portal)) {
      fail('iscsiadm', ISCSI_ERR_SESS_EXISTS, `default: 1 session requested, but 1 already present.`);
    }
    const session = { id: state.nextSession++, iqn, portal };
    if (!process.env.FAKE_ISCSI_NO_LUN) {
      session.loop = attachDisk(dir, iqn);
      session.link = byPath(portal, iqn);
      link(session.link, session.loop);
    }
    state.sessions.push(session);
    process.stdout.write(`Login to [iface: default, target: ${iqn}, portal: ${portal}] successful.\n`);
  } else if (args.includes('--logout')) {
    const session = state.sessions.find((candidate) => candidate.iqn === iqn && candidate.portal === portal);
    if (!session) fail('iscsiadm', ISCSI_ERR_NO_OBJS_FOUND, 'No matching sessions found');
    if (session.loop) detachDisk(session.loop, session.link);
    state.sessions = state.sessions.filter((candidate) => candidate !== session);
  }
  save(dir, state);
}

function rbd(dir, args) {
  const state = load(dir);
  if (args[0] === 'showmapped') {
    process.stdout.write(JSON.stringify(state.maps.map((map) => ({ id: String(map.id), pool: map.pool, namespace: '', name: map.name, snap: '-', device: map.loop }))));
    return;
  }
  if (args[0] === 'map') {
    const pool = option(args, '--pool');
    const name = args[1];
    const map = { id: state.nextMap++, pool, name, loop: attachDisk(dir, `${pool}/${name}`), link: `/dev/rbd/${pool}/${name}` };
    link(map.link, map.loop);
    state.maps.push(map);
    process.stdout.write(`${map.loop}\n`);
  } else if (args[0] === 'unmap') {
    const map = state.maps.find((candidate) => candidate.link === args[1] || candidate.loop === args[1]);
    if (!map) fail('rbd', 22, `rbd: ${args[1]}: not a mapped image or snapshot`);
    detachDisk(map.loop, map.link);
    state.maps = state.maps.filter((candidate) => candidate !== map);
  }
  save(dir, state);
}

/** One call of `tool` with `args`, state under `dir`. */
function main(tool, dir, args) {
  fs.appendFileSync(statePaths(dir).log, `${JSON.stringify([tool, ...args])}\n`);
  const failWith = process.env[`FAKE_EXIT_${tool.toUpperCase()}`];
  const acting = args.some((arg) => arg === '--login' || arg === 'map' || arg === 'connect');
  if (failWith && acting) fail(tool, Number(failWith), 'simulated failure');
  if (tool === 'iscsiadm') iscsiadm(dir, args);
  else if (tool === 'rbd') rbd(dir, args);
}

/** A "reboot": every session and map is gone (and its device), node records and backing files stay. */
function reboot(dir) {
  const state = load(dir);
  for (const session of state.sessions) if (session.loop) detachDisk(session.loop, session.link);
  for (const map of state.maps) detachDisk(map.loop, map.link);
  save(dir, { ...state, sessions: [], maps: [] });
}

module.exports = { main, reboot, load, statePaths };
