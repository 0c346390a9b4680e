import { describe, expect, it } from 'vitest';
import { formatShell } from '../../../src/output/formatters/shell.js';
import { formatValueRows } from '../../../src/output/formatters/value.js';
import { dictColumn, listColumn } from '../../../src/output/columns.js';
import { machineText, pythonRepr } from '../../../src/output/values.js';

describe('value formatter', () => {
  it("prints Python's str() of each value, space separated, one row per line, like the openstack client", () => {
    // What cliff prints for the same Python values (checked with python3: ' '.join(str(c) for c in row)).
    expect(formatValueRows([['a', 1, true, null], ['b', 2, false, { k: 'v', n: 1 }], ['c', 3, ['x', 'y'], undefined]])).toBe(
      "a 1 True None\nb 2 False {'k': 'v', 'n': 1}\nc 3 ['x', 'y'] None\n",
    );
  });

  it('prints the machine form of formatted columns, as cliff does', () => {
    expect(formatValueRows([[dictColumn({ b: '2', a: '1' }), listColumn(['y', 'x'])]])).toBe("{'b': '2', 'a': '1'} ['y', 'x']\n");
  });

  it('prints nothing for no rows', () => {
    expect(formatValueRows([])).toBe('');
  });
});

describe('pythonRepr', () => {
  it('renders nested values as Python does', () => {
    expect(machineText([{ server_id: 's1' }, null])).toBe("[{'server_id': 's1'}, None]");
  });

  it("quotes strings as Python's repr() does", () => {
    // python3: repr("it's"), repr('a"b'), repr('both \' and "'), repr('tab\there')
    expect([pythonRepr("it's"), pythonRepr('a"b'), pythonRepr('both \' and "'), pythonRepr('tab\there')]).toEqual([
      '"it\'s"',
      "'a\"b'",
      "'both \\' and \"'",
      "'tab\\there'",
    ]);
  });
});

describe('shell formatter', () => {
  it('escapes ", $, ` and \\ so that eval assigns the exact text', () => {
    expect(formatShell({ description: 'a "b" $HOME `id` \\' }, '')).toBe('description="a \\"b\\" \\$HOME \\`id\\` \\\\"\n');
  });

  it('makes field names valid identifiers and applies the prefix', () => {
    expect(formatShell({ 'os-vol-host-attr:host': 'h', '2fa': 'x', id: 'i' }, 'vol_')).toBe(
      'vol_os_vol_host_attr_host="h"\nvol__2fa="x"\nvol_id="i"\n',
    );
  });

  it('lowercases names, as cliff does for headers such as `block storage cluster show`\'s', () => {
    expect(formatShell({ Name: 'c@x', 'Down Hosts': 0 }, 'c_')).toBe('c_name="c@x"\nc_down_hosts="0"\n');
  });

  it('formats non-strings as the other formatters do', () => {
    expect(formatShell({ size: 1, bootable: false, metadata: { a: '1' }, gone: null }, '')).toBe(
      'size="1"\nbootable="False"\nmetadata="{\'a\': \'1\'}"\ngone="None"\n',
    );
  });

  it('keeps a newline inside the quotes', () => {
    expect(formatShell({ d: 'one\ntwo' }, '')).toBe('d="one\ntwo"\n');
  });
});
