import { describe, expect, it } from 'vitest';
import { formatShell } from '../../../../src/output/formatters/shell.js';

describe('shell formatter', () => {
  it('escapes ", $, ` and \\ so that eval assigns the exact text', () => {
    expect(formatShell({ description: 'a "b" $HOME `id` \\' }, '')).toBe('description="a \\"b\\" \\$HOME \\`id\\` \\\\"\n');
  });

  it('makes field names valid identifiers and applies the prefix', () => {
    expect(formatShell({ 'os-vol-host-attr:host': 'h', '2fa': 'x', id: 'i' }, 'vol_')).toBe('vol_os_vol_host_attr_host="h"\nvol__2fa="x"\nvol_id="i"\n');
  });

  it("lowercases names, as cliff does for headers such as `block storage cluster show`'s", () => {
    expect(formatShell({ Name: 'c@x', 'Down Hosts': 0 }, 'c_')).toBe('c_name="c@x"\nc_down_hosts="0"\n');
  });

  it('formats non-strings as the other formatters do', () => {
    expect(formatShell({ size: 1, bootable: false, metadata: { a: '1' }, gone: null }, '')).toBe('size="1"\nbootable="False"\nmetadata="{\'a\': \'1\'}"\ngone="None"\n');
  });

  it('keeps a newline inside the quotes', () => {
    expect(formatShell({ d: 'one\ntwo' }, '')).toBe('d="one\ntwo"\n');
  });
});
