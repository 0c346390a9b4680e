import { UcinderError } from '../../errors.js';
import { HostCommandError, secretArg, type Arg, type RunOptions } from '../runner.js';
import { waitForDevice } from '../wait-for-device.js';
import { flushDevice } from './flush.js';
import type { DeviceProbe } from '../device-probe.js';
import { ConnectionDataError, requireString, type AttachContext, type AttachOutcome, type ConnectionData, type HostPresence, type ProtocolConnector } from './protocol.js';

/** iscsiadm exit codes (open-iscsi include/iscsi_err.h) that mean something to us. */
const ISCSI_ERR_TRANS_TIMEOUT = 8;
export const ISCSI_ERR_SESS_EXISTS = 15;
const ISCSI_ERR_ISCSID_NOTCONN = 20;
export const ISCSI_ERR_NO_OBJS_FOUND = 21;
const ISCSI_ERR_LOGIN_AUTH_FAILED = 24;

const ISCSIADM: RunOptions = { missingHint: 'open-iscsi (iscsiadm), e.g. apt install open-iscsi' };
/** iscsiadm retries a login for up to 120 s by default; allow for it. */
const LOGIN_TIMEOUT_MS = 150_000;

interface IscsiTarget {
  portal: string;
  iqn: string;
  lun: number;
}

/** One target, or every portal of target_portals/iqns/luns when multipath was asked for. */
export function iscsiTargets(data: ConnectionData, multipath: boolean): IscsiTarget[] {
  const portals = data.target_portals;
  if (multipath && Array.isArray(portals) && portals.length > 0) {
    const iqns = Array.isArray(data.target_iqns) ? data.target_iqns : [];
    const luns = Array.isArray(data.target_luns) ? data.target_luns : [];
    return portals.map((portal, index) => ({
      portal: String(portal),
      iqn: String(iqns[index] ?? requireString(data, 'target_iqn', 'iscsi')),
      lun: Number(luns[index] ?? data.target_lun ?? 0),
    }));
  }
  const lun = Number(data.target_lun ?? 0);
  if (!Number.isInteger(lun)) throw new ConnectionDataError(`the iscsi connection info has an invalid target_lun '${String(data.target_lun)}'`);
  return [{ portal: requireString(data, 'target_portal', 'iscsi'), iqn: requireString(data, 'target_iqn', 'iscsi'), lun }];
}

/** The udev link for a LUN: /dev/disk/by-path/ip-<portal>-iscsi-<iqn>-lun-<lun>. */
function iscsiDevicePath(target: IscsiTarget): string {
  return `/dev/disk/by-path/ip-${target.portal}-iscsi-${target.iqn}-lun-${target.lun}`;
}

function node(target: IscsiTarget): string[] {
  return ['iscsiadm', '-m', 'node', '-T', target.iqn, '-p', target.portal];
}

function update(target: IscsiTarget, name: string, value: Arg): Arg[] {
  return [...node(target), '--op', 'update', '-n', name, '-v', value];
}

/** What to tell the operator for an iscsiadm failure we recognise. */
function explainLoginFailure(error: HostCommandError, target: IscsiTarget): UcinderError {
  const where = `${target.iqn} at ${target.portal}`;
  switch (error.exitCode) {
    case ISCSI_ERR_LOGIN_AUTH_FAILED:
      return new UcinderError(`iSCSI login to ${where} was refused: CHAP authentication failed (check the credentials; run init-connect again) — ${error.message}`);
    case ISCSI_ERR_TRANS_TIMEOUT:
      return new UcinderError(`iSCSI login to ${where} timed out: check that the portal is reachable from this host (firewall, routing) — ${error.message}`);
    case ISCSI_ERR_ISCSID_NOTCONN:
      return new UcinderError(`iscsid is not running: start it (systemctl start iscsid) — ${error.message}`);
    default:
      return new UcinderError(`iSCSI login to ${where} failed: ${error.message}`);
  }
}

export class IscsiConnector implements ProtocolConnector {
  async attach(data: ConnectionData, connector: { multipath?: boolean }, context: AttachContext): Promise<AttachOutcome> {
    const targets = iscsiTargets(data, connector.multipath === true);
    const loggedIn: IscsiTarget[] = [];
    const failures: UcinderError[] = [];
    for (const target of targets) {
      try {
        await this.login(target, data, context);
        loggedIn.push(target);
      } catch (error) {
        // With several portals, one unreachable path is survivable (that is what multipath is for).
        if (!(error instanceof UcinderError) || targets.length === 1) throw error;
        failures.push(error);
        context.warn(error.message);
      }
    }
    if (loggedIn.length === 0) throw failures[0] ?? new UcinderError('no iSCSI portal to log in to');
    const expected = loggedIn.map(iscsiDevicePath);
    if (context.dryRun) return { device: expected[0]!, paths: expected };

    const paths: string[] = [];
    await waitForDevice(
      async () => {
        for (const path of expected) if (!paths.includes(path) && (await context.probe.exists(path))) paths.push(path);
        return paths.length === expected.length ? paths[0] : undefined;
      },
      context.deviceTimeoutMs,
      context.clock,
      () =>
        `logged in to ${loggedIn.map((t) => `${t.iqn} at ${t.portal}`).join(', ')} but ${expected.join(', ')} did not appear within ${context.deviceTimeoutMs / 1000} s: check that LUN ${loggedIn[0]!.lun} is exported to this initiator (iscsiadm -m session -P 3) and that udev is running`,
    ).catch((error: unknown) => {
      // Some paths but not all: go on with what we have, as os-brick does.
      if (paths.length === 0) throw error;
      context.warn(`only ${paths.length} of ${expected.length} iSCSI paths appeared: ${paths.join(', ')}`);
    });
    if (expected.length > 1) {
      const holder = await context.probe.multipathHolder(paths[0]!);
      if (holder) return { device: holder, paths };
      context.warn(`no multipath map holds ${paths[0]}; is multipathd running? using the single path`);
    }
    return { device: paths[0]!, paths };
  }

  async onHost(data: ConnectionData, connector: { multipath?: boolean }, probe: DeviceProbe): Promise<HostPresence> {
    const expected = iscsiTargets(data, connector.multipath === true).map(iscsiDevicePath);
    const paths: string[] = [];
    for (const path of expected) if (await probe.exists(path)) paths.push(path);
    if (paths.length === 0) return { paths, expected: expected.length };
    const holder = expected.length > 1 ? await probe.multipathHolder(paths[0]!) : undefined;
    return { device: holder ?? paths[0]!, paths, expected: expected.length };
  }

  private async login(target: IscsiTarget, data: ConnectionData, context: AttachContext): Promise<void> {
    const { runner } = context;
    await runner.run([...node(target), '--interface', 'default', '--op', 'new'], ISCSIADM);
    if (typeof data.auth_method === 'string' && data.auth_method.toUpperCase() === 'CHAP') {
      await runner.run(update(target, 'node.session.auth.authmethod', 'CHAP'), ISCSIADM);
      await runner.run(update(target, 'node.session.auth.username', requireString(data, 'auth_username', 'iscsi')), ISCSIADM);
      await runner.run(update(target, 'node.session.auth.password', secretArg(requireString(data, 'auth_password', 'iscsi'), 'UCINDER_CHAP_PASSWORD')), ISCSIADM);
    }
    try {
      await runner.run([...node(target), '--login'], { ...ISCSIADM, okExitCodes: [0, ISCSI_ERR_SESS_EXISTS], timeoutMs: LOGIN_TIMEOUT_MS });
    } catch (error) {
      if (error instanceof HostCommandError && error.exitCode !== undefined) throw explainLoginFailure(error, target);
      throw error;
    }
    // Log in again after a reboot, like os-brick.
    await runner.run(update(target, 'node.startup', 'automatic'), ISCSIADM);
  }

  async detach(data: ConnectionData, connector: { multipath?: boolean }, device: string | undefined, context: AttachContext): Promise<void> {
    const targets = iscsiTargets(data, connector.multipath === true);
    if (device?.startsWith('/dev/mapper/') || device?.startsWith('/dev/dm-')) {
      if (context.dryRun || (await context.probe.exists(device))) {
        await context.runner.run(['multipath', '-f', device], { missingHint: 'multipath-tools (multipath)' });
      }
    } else {
      await flushDevice(device, context);
    }
    const notThere = [0, ISCSI_ERR_NO_OBJS_FOUND];
    for (const target of targets) {
      await context.runner.run(update(target, 'node.startup', 'manual'), { ...ISCSIADM, okExitCodes: notThere });
      await context.runner.run([...node(target), '--logout'], { ...ISCSIADM, okExitCodes: notThere });
      await context.runner.run([...node(target), '--op', 'delete'], { ...ISCSIADM, okExitCodes: notThere });
    }
  }
}
