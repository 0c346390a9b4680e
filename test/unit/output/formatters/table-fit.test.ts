import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../../src/output/formatters/table.js';
import { fillText } from '../../../../src/output/formatters/text-wrap.js';

/**
 * Fitting a table to a width as openstack does: the expected texts were
 * printed by cliff's TableFormatter (prettytable 3.6, Python 3.11's textwrap)
 * on the test bed, with --max-width N; test/integration/parity/volume-service.test.ts
 * compares the two programs side by side on the real Cinder.
 */
describe('tables fitted to a width (cliff --max-width / --fit-width)', () => {
  it.each([
    ['2026-12-06T07:30:20.085190', 10, '2026-12-\n06T07:30:2\n0.085190'],
    ['cinder-scheduler', 8, 'cinder-s\ncheduler'],
    ['node1@mmj2#pool-a', 8, 'node1@mm\nj2#pool-\na'],
    ['a well-known multi-word cell -- with em--dashes', 12, 'a well-known\nmulti-word\ncell -- with\nem--dashes'],
    ['iqn.2010-10.org.openstack:volume-c6da1186-abf6-4463-827e-6be29a78049d', 16, 'iqn.2010-\n10.org.openstack\n:volume-\nc6da1186-abf6-\n4463-827e-\n6be29a78049d'],
    ['x\ty\tz  spaced   words', 7, 'x\ny\nz\nspaced\nwords'],
    ['----abc', 3, '---\n-ab\nc'],
    ['e-mail re-do co-op', 5, 'e-\nmail\nre-do\nco-op'],
  ] as [string, number, string][])('wraps %j at %i as Python textwrap.fill does', (text, width, expected) => {
    expect(fillText(text, width)).toBe(expected);
  });

  const headers = ['ID', 'Name', 'Status', 'Size', 'Host'];
  const rows = [
    ['c6da1186-abf6-4463-827e-6be29a78049d', 'database-primary-data-01', 'available', 1, 'node1@mmj#mmj'],
    ['0c1d2e3f-0000-4000-8000-000000000002', 'scratch', 'in-use', 20, 'node1@mmj2#mmj2'],
  ];

  it.each([
    [
      80,
      [
        '+-------------------+-------------------+-----------+------+-----------------+',
        '| ID                | Name              | Status    | Size | Host            |',
        '+-------------------+-------------------+-----------+------+-----------------+',
        '| c6da1186-abf6-    | database-primary- | available |    1 | node1@mmj#mmj   |',
        '| 4463-827e-        | data-01           |           |      |                 |',
        '| 6be29a78049d      |                   |           |      |                 |',
        '| 0c1d2e3f-0000-    | scratch           | in-use    |   20 | node1@mmj2#mmj2 |',
        '| 4000-8000-        |                   |           |      |                 |',
        '| 000000000002      |                   |           |      |                 |',
        '+-------------------+-------------------+-----------+------+-----------------+',
      ],
    ],
    [
      60,
      [
        '+------------+------------+-----------+------+------------+',
        '| ID         | Name       | Status    | Size | Host       |',
        '+------------+------------+-----------+------+------------+',
        '| c6da1186-  | database-  | available |    1 | node1@mmj# |',
        '| abf6-4463- | primary-   |           |      | mmj        |',
        '| 827e-      | data-01    |           |      |            |',
        '| 6be29a7804 |            |           |      |            |',
        '| 9d         |            |           |      |            |',
        '| 0c1d2e3f-  | scratch    | in-use    |   20 | node1@mmj2 |',
        '| 0000-4000- |            |           |      | #mmj2      |',
        '| 8000-      |            |           |      |            |',
        '| 0000000000 |            |           |      |            |',
        '| 02         |            |           |      |            |',
        '+------------+------------+-----------+------+------------+',
      ],
    ],
    [
      30,
      [
        '+----------+----------+----------+------+----------+',
        '| ID       | Name     | Status   | Size | Host     |',
        '+----------+----------+----------+------+----------+',
        '| c6da1186 | database | availabl |    1 | node1@mm |',
        '| -abf6-   | -        | e        |      | j#mmj    |',
        '| 4463-    | primary- |          |      |          |',
        '| 827e-    | data-01  |          |      |          |',
        '| 6be29a78 |          |          |      |          |',
        '| 049d     |          |          |      |          |',
        '| 0c1d2e3f | scratch  | in-use   |   20 | node1@mm |',
        '| -0000-   |          |          |      | j2#mmj2  |',
        '| 4000-    |          |          |      |          |',
        '| 8000-    |          |          |      |          |',
        '| 00000000 |          |          |      |          |',
        '| 0002     |          |          |      |          |',
        '+----------+----------+----------+------+----------+',
      ],
    ],
  ] as [number, string[]][])('a list at --max-width %i is what cliff prints', async (width, expected) => {
    const table = await formatTable(headers, rows, { color: false, alignNumbersRight: true, fit: { width, minWidth: 8 } });
    expect(table.trimEnd().split('\n')).toEqual(expected);
  });

  it("a show's Field/Value table keeps 16 columns for the field names, as cliff does", async () => {
    const fields = [
      ['description', 'a volume for the primary database of the billing service, do not delete'],
      ['id', 'c6da1186-abf6-4463-827e-6be29a78049d'],
      ['name', 'db'],
    ];
    const table = await formatTable(['Field', 'Value'], fields, { color: false, fit: { width: 50, minWidth: 16 } });
    expect(table.trimEnd().split('\n')).toEqual([
      '+-------------+----------------------------------+',
      '| Field       | Value                            |',
      '+-------------+----------------------------------+',
      '| description | a volume for the primary         |',
      '|             | database of the billing service, |',
      '|             | do not delete                    |',
      '| id          | c6da1186-abf6-4463-827e-         |',
      '|             | 6be29a78049d                     |',
      '| name        | db                               |',
      '+-------------+----------------------------------+',
    ]);
  });

  it('a table that fits is left as it is', async () => {
    const natural = await formatTable(headers, rows, { color: false, alignNumbersRight: true });
    expect(await formatTable(headers, rows, { color: false, alignNumbersRight: true, fit: { width: 200, minWidth: 8 } })).toBe(natural);
  });
});
