import { describe, expect, it } from 'vitest';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { DEFAULT_OUTPUT, type OutputOptions } from '../../../src/output/options.js';
import { printResult } from '../../../src/output/render.js';
import { listing, streamingListing, type Value } from '../../../src/output/result.js';

const COLUMNS = ['ID', 'Name', 'Size', 'Properties'];
const ROWS: Value[][] = Array.from({ length: 7 }, (_, i) => [`id-${i}`, i % 3 ? `vol "${i}", x` : 'true', i + 1, i % 2 ? { k: `v${i}` } : {}]);

async function* pagesOf(rows: Value[][], size: number): AsyncGenerator<Value[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function print(result: Parameters<typeof printResult>[1], options: Partial<OutputOptions>): Promise<string> {
  const { io, stdout } = bufferIOStreams();
  await printResult(io, result, { ...DEFAULT_OUTPUT, ...options });
  return stdout();
}

const variants: Partial<OutputOptions>[] = [
  { format: 'json' },
  { format: 'json', noIndent: true },
  { format: 'json', columns: ['Name', 'id'] },
  { format: 'yaml' },
  { format: 'csv' },
  { format: 'csv', quote: 'minimal', columns: ['Size'] },
  { format: 'value', columns: ['ID', 'Size'] },
  { format: 'table' },
  { format: 'json', sortColumns: ['Size'], sortDescending: true },
];

describe('streaming listings print exactly what the whole listing prints', () => {
  for (const options of variants) {
    for (const pageSize of [1, 3, 100]) {
      it(`${JSON.stringify(options)} in pages of ${pageSize}`, async () => {
        const whole = await print(listing(COLUMNS, ROWS), options);
        const streamed = await print(streamingListing(COLUMNS, pagesOf(ROWS, pageSize)), options);
        expect(streamed).toBe(whole);
        expect(streamed.length).toBeGreaterThan(0);
      });
    }
    it(`${JSON.stringify(options)} with no rows at all`, async () => {
      expect(await print(streamingListing(COLUMNS, pagesOf([], 2)), options)).toBe(await print(listing(COLUMNS, []), options));
    });
  }
});
