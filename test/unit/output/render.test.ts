import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { DEFAULT_OUTPUT, type OutputOptions } from '../../../src/output/options.js';
import { renderDetails, renderListing, selectColumns } from '../../../src/output/render.js';
import { details, listing, orderedDetails } from '../../../src/output/result.js';

const opts = (overrides: Partial<OutputOptions>): OutputOptions => ({ ...DEFAULT_OUTPUT, ...overrides });
const VOLUMES = listing(
  ['ID', 'Name', 'Size'],
  [
    ['c', 'gamma', 10],
    ['a', 'alpha', 2],
    ['b', null, 2],
  ],
);

describe('selectColumns', () => {
  it("matches exactly first, then case-insensitively, and keeps the table's order (as cliff does)", () => {
    expect(selectColumns(['ID', 'Name', 'name', 'Size'], ['name', 'id'], 'column')).toEqual([0, 2]);
    expect(selectColumns(['ID', 'Name', 'Status'], ['Status', 'ID', 'Status'], 'column')).toEqual([0, 2]);
  });

  it('rejects an unknown column as a usage error listing the choices', () => {
    expect(() => selectColumns(['ID', 'Name'], ['Nope'], 'column')).toThrow(new UsageError("unknown column 'Nope': choose from 'ID', 'Name'"));
  });
});

describe('renderListing', () => {
  it("keys JSON by column headers, -c selecting in the table's order", async () => {
    const printed = JSON.parse(await renderListing(VOLUMES, opts({ format: 'json', columns: ['size', 'ID'] })));
    expect(printed).toStrictEqual([
      { ID: 'c', Size: 10 },
      { ID: 'a', Size: 2 },
      { ID: 'b', Size: 2 },
    ]);
    expect(Object.keys(printed[0])).toEqual(['ID', 'Size']);
  });

  it('sorts numbers numerically, then by a second key, None first', async () => {
    expect(await renderListing(VOLUMES, opts({ format: 'value', sortColumns: ['Size', 'Name'] }))).toBe('b None 2\na alpha 2\nc gamma 10\n');
  });

  it('sorts descending', async () => {
    expect(await renderListing(VOLUMES, opts({ format: 'value', columns: ['ID'], sortColumns: ['name'], sortDescending: true }))).toBe('c\na\nb\n');
  });

  it('sorts by a column that -c leaves out', async () => {
    expect(await renderListing(VOLUMES, opts({ format: 'value', columns: ['ID'], sortColumns: ['Size'] }))).toBe('a\nb\nc\n');
  });

  it('prints nothing for an empty table unless asked, but [] for JSON', async () => {
    const empty = listing(['ID'], []);
    expect(await renderListing(empty, opts({ format: 'table' }))).toBe('');
    expect(await renderListing(empty, opts({ format: 'json' }))).toBe('[]\n');
    expect(await renderListing(empty, opts({ format: 'csv' }))).toBe('"ID"\n');
  });

  it('writes YAML rows keyed by column headers', async () => {
    expect(await renderListing(VOLUMES, opts({ format: 'yaml', columns: ['ID', 'Name'] }))).toBe('- ID: c\n  Name: gamma\n- ID: a\n  Name: alpha\n- ID: b\n  Name: null\n');
  });
});

describe('renderDetails', () => {
  const VOLUME = details({ status: 'available', id: 'v1', size: 1, metadata: { k: 'v' } });

  it('keys JSON by field name, sorted', async () => {
    expect(await renderDetails(VOLUME, opts({ format: 'json', noIndent: true }))).toBe('{"id": "v1", "metadata": {"k": "v"}, "size": 1, "status": "available"}\n');
  });

  it('prints a Field/Value table', async () => {
    expect(await renderDetails(VOLUME, opts({ format: 'table', columns: ['ID', 'status'] }))).toBe(
      ['+--------+-----------+', '| Field  | Value     |', '+--------+-----------+', '| id     | v1        |', '| status | available |', '+--------+-----------+', ''].join('\n'),
    );
  });

  it('prints values of -c fields one per line, in the order of the fields', async () => {
    expect(await renderDetails(VOLUME, opts({ format: 'value', columns: ['size', 'metadata'] }))).toBe("{'k': 'v'}\n1\n");
  });

  it('writes YAML', async () => {
    expect(await renderDetails(VOLUME, opts({ format: 'yaml' }))).toBe('id: v1\nmetadata:\n  k: v\nsize: 1\nstatus: available\n');
  });

  it('rejects an unknown field', async () => {
    await expect(renderDetails(VOLUME, opts({ format: 'json', columns: ['nope'] }))).rejects.toThrow(UsageError);
  });

  it('orderedDetails prints its fields in the order given (as cliff prints a ShowOne), -c keeping that order; --raw stays sorted', async () => {
    const cluster = orderedDetails({ Name: 'c@x', Binary: 'cinder-volume', 'Active Backend ID': null }, { name: 'c@x', binary: 'cinder-volume' });
    expect(await renderDetails(cluster, opts({ format: 'value' }))).toBe('c@x\ncinder-volume\nNone\n');
    expect(await renderDetails(cluster, opts({ format: 'value', columns: ['Active Backend ID', 'Name'] }))).toBe('c@x\nNone\n');
    expect(await renderDetails(cluster, opts({ format: 'json', noIndent: true, raw: true }))).toBe('{"binary": "cinder-volume", "name": "c@x"}\n');
  });
});
