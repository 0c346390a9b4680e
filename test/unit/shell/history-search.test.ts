import { createInterface, type Interface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { withReverseSearch } from '../../../src/shell/history-search.js';

/** A prompt on a fake terminal with `history` (newest first); keys typed into it, lines and screen collected. */
function prompt(history: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
  const lines: string[] = [];
  const editor = withReverseSearch(input, () => createInterface({ input, output, terminal: true, history: [...history], historySize: 100 }));
  editor.setPrompt('> ');
  editor.on('line', (line) => lines.push(line));
  const type = async (keys: string) => {
    input.write(keys);
    // Keypresses are emitted as the stream delivers its data: let it.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { editor, lines, type, screen: () => screen.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') };
}

const HISTORY = ['service list', 'volume type list -f value', 'volume list --long', 'volume type show fast'];
let open: Interface | undefined;
afterEach(() => open?.close());

describe('Ctrl-R: reverse incremental history search', () => {
  it('finds the newest line holding what is typed; Enter runs it under the shell prompt', async () => {
    const { editor, lines, type, screen } = prompt(HISTORY);
    open = editor;
    await type('\x12typ');
    expect(screen()).toContain("(reverse-i-search)`typ': volume type list -f value");
    await type('\r');
    expect(lines).toEqual(['volume type list -f value']);
    expect(editor.getPrompt()).toBe('> ');
  });

  it('Ctrl-R again goes to the next older match; a query nothing holds says failed and keeps the last match', async () => {
    const { editor, lines, type, screen } = prompt(HISTORY);
    open = editor;
    await type('\x12type\x12');
    expect(screen()).toContain("(reverse-i-search)`type': volume type show fast");
    await type('\x12');
    expect(screen().endsWith("(failed reverse-i-search)`type': volume type show fast")).toBe(true);
    await type('\x7f\x7fpe');
    expect(screen().endsWith("(reverse-i-search)`type': volume type list -f value")).toBe(true);
    await type('\r');
    expect(lines).toEqual(['volume type list -f value']);
  });

  it('Esc takes the match for editing; Ctrl-G gives back the line as it was', async () => {
    const { editor, lines, type } = prompt(HISTORY);
    open = editor;
    await type('\x12--long\x1b');
    // Esc alone: the key decoder waits for the rest of an escape sequence; a following key ends it.
    await type('\x05 -c Name\r');
    expect(lines).toEqual(['volume list --long -c Name']);
    await type('volume sh\x12service\x07\r');
    expect(lines).toEqual(['volume list --long -c Name', 'volume sh']);
  });

  it('another key ends the search and then does what it does (Ctrl-W deletes the word before the cursor)', async () => {
    const { editor, lines, type } = prompt(HISTORY);
    open = editor;
    await type('\x12service\x17show x\r');
    expect(lines).toEqual(['service show x']);
  });
});
