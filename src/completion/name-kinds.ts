/**
 * The kinds of resource names the shells complete from the cloud. Which
 * argument takes which kind is read off its value name in the command's usage
 * (`show <volume>`, `--source <volume>`, `--type <type>`), so a new command gets
 * name completion by naming its arguments well, with no list to maintain.
 */
export const NAME_KINDS = ['volume', 'type', 'snapshot', 'service', 'host', 'transfer', 'qos', 'backup', 'cluster', 'attachment', 'group', 'group-type', 'group-snapshot'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const KIND_BY_VALUE_NAME: Readonly<Record<string, NameKind>> = {
  volume: 'volume',
  'source-volume': 'volume',
  type: 'type',
  'volume-type': 'type',
  snapshot: 'snapshot',
  backup: 'backup',
  service: 'service',
  binary: 'service',
  host: 'host',
  // `volume transfer request show|delete <transfer>`; accept takes an ID the receiver cannot list.
  transfer: 'transfer',
  'qos-spec': 'qos',
  cluster: 'cluster',
  attachment: 'attachment',
  group: 'group',
  'source-group': 'group',
  'group-type': 'group-type',
  'group-snapshot': 'group-snapshot',
};

/** Value names that mean a local file or directory, completed by the shell itself. */
const FILE_VALUE_NAMES = new Set(['file', 'path', 'dir']);

export function isNameKind(word: string): word is NameKind {
  return (NAME_KINDS as readonly string[]).includes(word);
}

/** `volume...` and `volume` both take volume names. */
export function nameKindFor(valueName: string): NameKind | undefined {
  return KIND_BY_VALUE_NAME[valueName.replace(/\.\.\.$/, '')];
}

export function isFileValueName(valueName: string): boolean {
  return FILE_VALUE_NAMES.has(valueName.replace(/\.\.\.$/, ''));
}
