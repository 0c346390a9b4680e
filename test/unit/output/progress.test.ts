import { describe, expect, it } from 'vitest';
import { startProgress } from '../../../src/output/progress.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';

describe('progress on a terminal that reports no width', () => {
  it('falls back to plain lines (ora would loop forever clearing lines)', async () => {
    // script(1) without a size: a TTY whose columns are 0.
    const streams = bufferIOStreams({ stderrIsTTY: true });
    Object.assign(streams.io.stderr, { columns: 0 });
    const progress = await startProgress(streams.io, 'Waiting for snapshot');
    progress.update('snapshot: creating');
    progress.stop('snapshot is available');
    expect(streams.stderr()).toBe('Waiting for snapshot\nsnapshot: creating\nsnapshot is available\n');
  });
});
