import { readFile } from 'node:fs/promises';
import { hostname, machine, networkInterfaces, platform } from 'node:os';

/**
 * The connector os-brick's get_connector_properties() builds: what Cinder
 * needs to know about this host to export a volume to it.
 */
export interface Connector {
  platform: string;
  os_type: string;
  ip: string;
  host: string;
  multipath: boolean;
  enforce_multipath: boolean;
  do_local_attach: boolean;
  /** iSCSI initiator IQN (/etc/iscsi/initiatorname.iscsi). */
  initiator?: string;
  /** NVMe host NQN (/etc/nvme/hostnqn). */
  nqn?: string;
  /** NVMe host id (/etc/nvme/hostid). */
  nvme_hostid?: string;
  [key: string]: unknown;
}

export interface ConnectorOverrides {
  ip?: string;
  host?: string;
  initiator?: string;
  nqn?: string;
  multipath?: boolean;
}

/** Where the host facts come from; tests substitute fixed answers. */
export interface HostFacts {
  readText(path: string): Promise<string | undefined>;
  hostname(): string;
  /** platform.machine() in Python terms, e.g. x86_64. */
  machine(): string;
  /** sys.platform in Python terms, e.g. linux. */
  osType(): string;
  networkInterfaces(): ReturnType<typeof networkInterfaces>;
}

export const systemHostFacts: HostFacts = {
  readText: (path) => readFile(path, 'utf8').catch(() => undefined),
  hostname,
  machine,
  osType: platform,
  networkInterfaces,
};

const INITIATOR_FILE = '/etc/iscsi/initiatorname.iscsi';
const HOSTNQN_FILE = '/etc/nvme/hostnqn';
const HOSTID_FILE = '/etc/nvme/hostid';
const ROUTE_FILE = '/proc/net/route';

export async function buildConnector(overrides: ConnectorOverrides = {}, facts: HostFacts = systemHostFacts): Promise<Connector> {
  const connector: Connector = {
    platform: facts.machine(),
    os_type: facts.osType(),
    ip: overrides.ip ?? (await defaultRouteAddress(facts)) ?? '127.0.0.1',
    host: overrides.host ?? facts.hostname(),
    multipath: overrides.multipath === true,
    enforce_multipath: false,
    do_local_attach: false,
  };
  const initiator = overrides.initiator ?? initiatorName(await facts.readText(INITIATOR_FILE));
  if (initiator) connector.initiator = initiator;
  const nqn = overrides.nqn ?? firstLine(await facts.readText(HOSTNQN_FILE));
  if (nqn) connector.nqn = nqn;
  const hostId = firstLine(await facts.readText(HOSTID_FILE));
  if (hostId) connector.nvme_hostid = hostId;
  return connector;
}

/** `InitiatorName=iqn...` from open-iscsi's file (comments and blanks ignored). */
function initiatorName(text: string | undefined): string | undefined {
  for (const line of (text ?? '').split('\n')) {
    const match = /^\s*InitiatorName\s*=\s*(\S+)\s*$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

function firstLine(text: string | undefined): string | undefined {
  const line = text
    ?.split('\n')
    .map((part) => part.trim())
    .find((part) => part && !part.startsWith('#'));
  return line || undefined;
}

/**
 * os-brick uses the address Nova/Cinder would reach us on: that of the
 * interface holding the default route (/proc/net/route, destination 0).
 */
async function defaultRouteAddress(facts: HostFacts): Promise<string | undefined> {
  const routes = await facts.readText(ROUTE_FILE);
  const iface = routes
    ?.split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 8 && fields[1] === '00000000' && fields[7] === '00000000')
    .sort((a, b) => Number(a[6]) - Number(b[6]))[0]?.[0];
  const interfaces = facts.networkInterfaces();
  const candidates = iface ? (interfaces[iface] ?? []) : Object.values(interfaces).flatMap((list) => list ?? []);
  const usable = candidates.filter((address) => !address.internal);
  return (usable.find((address) => address.family === 'IPv4') ?? usable.find((address) => !address.address.startsWith('fe80')))?.address;
}
