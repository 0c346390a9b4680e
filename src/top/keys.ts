import type { Key } from '../output/terminal-screen.js';

/**
 * The keys of `ucinder top` that work the same on every row: one table
 * gives what they do, the help screen and the footer's hints. The keys of
 * actions on a row are in actions.ts; the views' number keys in views/.
 */

export type Motion = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';
export type Command = Motion | 'filter' | 'sort' | 'sortReverse' | 'open' | 'back' | 'help' | 'quit';

interface Binding {
  /** Key names as keyName() gives them. */
  keys: readonly string[];
  /** How the help and the footer write them. */
  shown: string;
  help: string;
  command: Command;
  /** Listed in the footer (the rest only in the help). */
  hint?: string;
}

export const BINDINGS: readonly Binding[] = [
  { keys: ['up', 'k'], shown: '↑ k', help: 'previous row', command: 'up' },
  { keys: ['down', 'j'], shown: '↓ j', help: 'next row', command: 'down' },
  { keys: ['pageup', 'C-b'], shown: 'PgUp', help: 'a screen up', command: 'pageUp' },
  { keys: ['pagedown', 'C-f', 'space'], shown: 'PgDn Space', help: 'a screen down', command: 'pageDown' },
  { keys: ['home', 'g'], shown: 'Home g', help: 'first row', command: 'home' },
  { keys: ['end', 'G'], shown: 'End G', help: 'last row', command: 'end' },
  { keys: ['return'], shown: 'Enter', help: 'show the row in full (as `show` prints it); on a problem: its fix, to run', command: 'open', hint: 'show' },
  { keys: ['escape'], shown: 'Esc', help: 'back: close what Enter or ? opened, or clear the filter', command: 'back' },
  { keys: ['/'], shown: '/', help: 'filter the view: rows with this text in any column (Enter keeps it, Esc clears it)', command: 'filter', hint: 'filter' },
  { keys: ['s'], shown: 's', help: "sort the selected row's table by its next column", command: 'sort', hint: 'sort' },
  { keys: ['S'], shown: 'S', help: 'reverse the sort', command: 'sortReverse' },
  { keys: ['?', 'h'], shown: '?', help: 'this help', command: 'help', hint: 'help' },
  { keys: ['q', 'C-c'], shown: 'q Ctrl-C', help: 'quit', command: 'quit', hint: 'quit' },
];

/** Named keys readline reports by name; everything else is the character typed. */
const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'enter', 'escape', 'backspace', 'delete', 'tab', 'space']);

/** 'up', 'return', 'C-c', 'd', 'D', '/': the name the tables use for a key. */
export function keyName(key: Key): string {
  if (key.ctrl && key.name) return `C-${key.name}`;
  if (key.name === 'enter') return 'return';
  if (key.name && NAMED.has(key.name)) return key.name;
  return key.sequence ?? key.name ?? '';
}

export function commandOf(name: string): Command | undefined {
  return BINDINGS.find((binding) => binding.keys.includes(name))?.command;
}

/** A key that types a character into a text field (a filter, an answer). */
export function typedCharacter(key: Key): string | undefined {
  if (key.ctrl || key.meta) return undefined;
  const text = key.name === 'space' ? ' ' : key.sequence;
  return text && [...text].length === 1 && text >= ' ' && text !== '\u007f' ? text : undefined;
}
