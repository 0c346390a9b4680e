import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore, encodeFileName, parseEntry, serializeEntry, type ConnectionEntry } from '../../../src/state/connections.js';
import { tempDir } from '../helpers/harness.js';

const A = { endpoint: 'http://a:8776/v3/p1', project: 'p1' };
const B = { endpoint: 'http://b:8776/v3/p1', project: 'p1' };

function entry(name: string, id = 'id-1', identity = A): ConnectionEntry {
  return {
    volume: { id, name, ...identity },
    connector: { host: 'true', ip: '10.0.0.1', multipath: false, initiator: 'iqn.x' },
    connection: { driver_volume_type: 'iscsi', initialized_at: '2024-01-01T00:00:00.000Z', api: 'legacy' },
    data: {
      target_lun: 1,
      lun_as_text: '1',
      target_discovered: false,
      literal_word: 'null',
      auth_password: 'p=w;d#x\\;y "q" [z]\nline2',
      target_portals: ['127.0.0.1:3260', '127.0.0.2:3260'],
      ports: ['6789'],
      empty: [],
      qos_specs: null,
      nested: { a: 'x\\;y', b: [1, 'two'] },
      portals: [['10.0.0.1', '4420', 'tcp']],
      'weird]key=1;': 'v',
    },
  };
}

describe('connection INI format', () => {
  it('round-trips every JSON type and hostile strings exactly', async () => {
    const original = entry('vol]\n[volume]\nid=evil;#');
    const text = await serializeEntry(original);
    expect(await parseEntry(text, 'f')).toEqual(original);
    // Fixed section headers only: the name cannot open a section of its own.
    expect(text.match(/^\[.*\]$/gm)).toEqual(['[volume]', '[connector]', '[connection]', '[data]']);
  });

  it('is readable: plain strings plain, numbers and booleans bare, lists one per line', async () => {
    const text = await serializeEntry(entry('vol1'));
    expect(text).toContain('name = vol1\n');
    expect(text).toContain('target_lun = 1\n');
    expect(text).toContain('target_discovered = false\n');
    expect(text).toContain('target_portals[] = 127.0.0.1:3260\ntarget_portals[] = 127.0.0.2:3260\n');
  });

  it('encodes names so they stay inside the directory', () => {
    for (const name of ['../../etc/passwd', '..', '.', 'a/b', 'x]y=z;w', 'new\nline', 'Δ']) {
      const encoded = encodeFileName(name);
      expect(encoded).not.toMatch(/[/\n\]=;]/);
      expect(encoded.startsWith('.')).toBe(false);
    }
    expect(encodeFileName('vol-1_a.b')).toBe('vol-1_a.b');
    expect(encodeFileName('x'.repeat(255)).length).toBeLessThanOrEqual(150);
    expect(encodeFileName('x'.repeat(255))).not.toBe(encodeFileName(`${'x'.repeat(254)}y`));
  });
});

describe('ConnectionStore', () => {
  const store = () => new ConnectionStore(join(tempDir('conn'), 'connections'));

  it("names files as released versions did: init-connect finds a volume's existing file by its name", () => {
    expect(new ConnectionStore('/state/connections').pathFor('vol 1', A)).toBe('/state/connections/vol%201.8b0779a5ec.ini');
    expect(encodeFileName('x'.repeat(255))).toBe(`${'x'.repeat(136)}~d22609da3ae3`);
  });

  it('writes 0600 files; same name behind two endpoints gives two files; find needs the identity to choose', async () => {
    const s = store();
    await s.update(s.pathFor('vol1', A), () => entry('vol1', 'id-a', A));
    await s.update(s.pathFor('vol1', B), () => entry('vol1', 'id-b', B));
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.ini'))).toHaveLength(2);
    expect(statSync(s.pathFor('vol1', A)).mode & 0o777).toBe(0o600);
    await expect(s.find('vol1')).rejects.toThrow(/More than one cached connection exists with the name 'vol1'/);
    expect((await s.find('vol1', B))?.entry.volume.id).toBe('id-b');
    expect((await s.find('id-a'))?.entry.volume.endpoint).toBe(A.endpoint);
    expect(await s.find('nope')).toBeUndefined();
  });

  it('deletes with null and reports damaged files without failing the list', async () => {
    const s = store();
    const path = s.pathFor('vol1', A);
    await s.update(path, () => entry('vol1'));
    writeFileSync(join(s.dir, 'junk.ini'), '[volume]\nname = x\n');
    const listed = await s.list();
    expect(listed.find((f) => f.path.endsWith('junk.ini'))?.problem).toContain('damaged');
    await s.update(path, () => null);
    expect((await s.list()).filter((f) => f.entry)).toEqual([]);
  });

  it('serializes concurrent read-modify-write: no update is lost', async () => {
    const s = store();
    const path = s.pathFor('counter', A);
    await s.update(path, () => entry('counter'));
    await Promise.all(Array.from({ length: 25 }, () => s.update(path, (current) => ({ ...current!, data: { ...current!.data, count: Number(current!.data.count ?? 0) + 1 } }))));
    expect((await s.read(path))?.data.count).toBe(25);
    expect(readdirSync(dirname(path)).filter((f) => !f.endsWith('.ini'))).toEqual([]);
  });
});
