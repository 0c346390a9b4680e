import { PassThrough, Writable } from 'node:stream';

/** A terminal's input as Node's tty.ReadStream shows it to a program: raw mode switches recorded, keys written by the test. */
export class FakeTerminalInput extends PassThrough {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  setRawMode(raw: boolean): this {
    this.rawModes.push(raw);
    return this;
  }
}

/** A terminal's output: its size, and everything written to it. */
export class FakeTerminalOutput extends Writable {
  readonly isTTY = true;
  written = '';
  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super({ decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _encoding: string, callback: () => void): void {
    this.written += String(chunk);
    callback();
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** What the terminal shows on `row` (1-based) after the last write there: the text of the last `ESC[row;1H` line. */
export function lastTextAt(written: string, row: number): string | undefined {
  const marker = `\u001b[${row};1H`;
  const at = written.lastIndexOf(marker);
  if (at < 0) return undefined;
  // eslint-disable-next-line no-control-regex
  return written
    .slice(at + marker.length)
    .split(/\u001b\[\d+;1H|\u001b\[K/)[0]!
    .replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, '');
}
