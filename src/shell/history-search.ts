import type { Interface } from 'node:readline';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

type KeypressListener = (text: string | undefined, key: Key | undefined) => void;

/** Where a search stands: what is typed, the line it found and where in the history. */
interface Search {
  query: string;
  /** Index in the history (newest first) of the match shown; -1 before any. */
  index: number;
  match: string;
  failed: boolean;
  /** What the prompt and the line were before Ctrl-R, for Ctrl-G. */
  prompt: string;
  line: string;
}

/**
 * Ctrl-R, bash's reverse incremental history search, for a node:readline
 * prompt (readline has the history, not the search). The editor's own
 * keypress listener is put behind this one: while a search runs, keys edit
 * the search; Enter runs the line found, Esc leaves it to edit, Ctrl-G (or
 * Ctrl-C) gives back the line as it was, and any other key takes the line
 * found and then does what it does.
 *
 * `createEditor` makes the readline Interface on `input`; the search is
 * wired to the listeners it adds.
 */
export function withReverseSearch(input: NodeJS.ReadableStream, createEditor: () => Interface): Interface {
  const before = new Set(input.listeners('keypress'));
  const editor = createEditor();
  const editorListeners = input.listeners('keypress').filter((listener) => !before.has(listener)) as KeypressListener[];
  for (const listener of editorListeners) input.removeListener('keypress', listener);
  const pass: KeypressListener = (text, key) => {
    for (const listener of editorListeners) listener.call(input, text, key);
  };
  let search: Search | undefined;

  const history = (): string[] => (editor as Interface & { history: string[] }).history;
  const show = (current: Search) => {
    editor.setPrompt(`(${current.failed ? 'failed ' : ''}reverse-i-search)\`${current.query}': `);
    replaceLine(editor, current.match);
  };
  /** The next line at or after `from` (newest first) that holds the query. */
  const find = (current: Search, from: number) => {
    if (current.query === '') return;
    const entries = history();
    for (let index = from; index < entries.length; index++) {
      if (entries[index]!.includes(current.query)) {
        Object.assign(current, { index, match: entries[index]!, failed: false });
        return;
      }
    }
    current.failed = true;
  };
  /** Ends the search with `line` under the shell's own prompt. */
  const finish = (current: Search, line: string) => {
    search = undefined;
    editor.setPrompt(current.prompt);
    replaceLine(editor, line);
  };

  const onKeypress: KeypressListener = (text, key = {}) => {
    if (!search) {
      if (key.ctrl && key.name === 'r') {
        search = { query: '', index: -1, match: editor.line, failed: false, prompt: editor.getPrompt(), line: editor.line };
        show(search);
        return;
      }
      return pass(text, key);
    }
    const current = search;
    if (key.ctrl && key.name === 'r') {
      find(current, current.index + 1);
      return show(current);
    }
    if (key.ctrl && (key.name === 'g' || key.name === 'c')) return finish(current, current.line);
    if (key.name === 'backspace') {
      current.query = current.query.slice(0, -1);
      current.failed = false;
      find(current, 0);
      return show(current);
    }
    if (key.name === 'escape') return finish(current, current.match);
    if (text && !key.ctrl && !key.meta && key.name !== 'return' && key.name !== 'enter' && key.name !== 'tab' && /^[^\x00-\x1f\x7f]+$/.test(text)) {
      current.query += text;
      find(current, Math.max(current.index, 0));
      return show(current);
    }
    finish(current, current.match);
    pass(text, key);
  };
  input.on('keypress', onKeypress);
  editor.once('close', () => input.removeListener('keypress', onKeypress));
  return editor;
}

/** Puts `line` in the editor in place of what is there, under the current prompt (Ctrl-U redraws the prompt). */
function replaceLine(editor: Interface, line: string): void {
  editor.write(null, { ctrl: true, name: 'e' });
  editor.write(null, { ctrl: true, name: 'u' });
  if (line) editor.write(line);
}
