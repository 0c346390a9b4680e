import type { Problem } from '../cli/status/problem.js';
import type { Row, Section, Tone, ViewData, ViewId } from './view.js';

/**
 * Everything the screen shows, as plain data: the controller changes it,
 * frame.ts draws it. Selection, filter and sort are kept per view, so
 * switching views and back finds each as it was left.
 */

export interface SortOrder {
  /** Index into the section's columns. */
  column: number;
  descending: boolean;
}

export interface ViewState {
  data?: ViewData;
  /** When the data shown was asked for (epoch ms), and how long the answer took. */
  refreshedAt?: number;
  latencyMs?: number;
  /** The last refresh: when it started, and when it ended (undefined while it runs). */
  startedAt?: number;
  finishedAt?: number;
  /** Why the last refresh failed; the data shown is then the older one. */
  error?: string;
  /** Rows (rowId) new or different at the last refresh. */
  changed: ReadonlySet<string>;
  /** The selected row (rowId); the first one when unset or gone. */
  selected?: string;
  /** First body line on screen. */
  scroll: number;
  filter: string;
  /** By section id. */
  sort: Record<string, SortOrder>;
}

export type Overlay =
  | { kind: 'details'; title: string; fields: [string, string][]; scroll: number }
  | { kind: 'help'; scroll: number }
  | { kind: 'output'; title: string; text: string; scroll: number }
  | { kind: 'fix'; problem: Problem; scroll: number };

export type Prompt =
  | { kind: 'confirm'; question: string; answer: (yes: boolean) => void }
  | { kind: 'input'; question: string; text: string; error?: string; submit: (text: string | undefined) => void };

export interface Header {
  /** Cloud name or endpoint host, and project (name or short ID). */
  where?: string;
  project?: string;
  microversion?: string;
  /** HTTP requests this session made (refreshes, actions, retries). */
  requests: number;
}

export interface TopState {
  view: ViewId;
  views: Record<ViewId, ViewState>;
  overlay?: Overlay;
  /** A question in the footer: answering it is all the keys do meanwhile (but Ctrl-C). */
  prompt?: Prompt;
  /** `/` was pressed: keys type into the view's filter until Enter or Esc. */
  editingFilter: boolean;
  /** The last outcome or notice, until the next key. */
  message?: { text: string; tone?: Tone };
  /** The command line of the action under way. */
  running?: string;
  header: Header;
  /** The overview's verdict, from its last refresh. */
  health?: ViewData['health'];
}

export function initialState(views: readonly ViewId[]): TopState {
  const entries = views.map((id): [ViewId, ViewState] => [id, { changed: new Set(), scroll: 0, filter: '', sort: {} }]);
  return { view: views[0]!, views: Object.fromEntries(entries) as Record<ViewId, ViewState>, editingFilter: false, header: { requests: 0 } };
}

export function rowId(section: Section, row: Row): string {
  return `${section.id}/${row.key}`;
}

export interface VisibleSection {
  section: Section;
  rows: Row[];
}

/** The sections as shown: rows matching the filter (any cell, any case), in the section's sort order. */
export function visibleSections(view: ViewState): VisibleSection[] {
  const needle = view.filter.toLowerCase();
  return (view.data?.sections ?? []).map((section) => {
    const matching = needle ? section.rows.filter((row) => row.cells.some((cell) => cell.toLowerCase().includes(needle))) : section.rows;
    const order = view.sort[section.id];
    return { section, rows: order ? sortRows(matching, order) : matching };
  });
}

export interface SelectableRow {
  section: Section;
  row: Row;
  id: string;
}

/** Every row on the view, top to bottom: the cursor moves over all of them, from section to section. */
export function selectableRows(view: ViewState): SelectableRow[] {
  return visibleSections(view).flatMap(({ section, rows }) => rows.map((row) => ({ section, row, id: rowId(section, row) })));
}

/** Where the selection is among the selectable rows (the first when the selected row is gone); -1 when there are none. */
export function selectedIndex(view: ViewState, rows: readonly SelectableRow[] = selectableRows(view)): number {
  if (rows.length === 0) return -1;
  const index = view.selected === undefined ? -1 : rows.findIndex((candidate) => candidate.id === view.selected);
  return Math.max(index, 0);
}

export function selectedRow(view: ViewState): SelectableRow | undefined {
  const rows = selectableRows(view);
  const index = selectedIndex(view, rows);
  return index < 0 ? undefined : rows[index];
}

/** Rows of `next` that `previous` did not have, or had with other cells. */
export function changedRows(previous: ViewData | undefined, next: ViewData): Set<string> {
  const changed = new Set<string>();
  if (!previous) return changed;
  const before = new Map<string, string>();
  for (const section of previous.sections) for (const row of section.rows) before.set(rowId(section, row), row.cells.join('\u0000'));
  for (const section of next.sections) {
    for (const row of section.rows) {
      const id = rowId(section, row);
      if (before.get(id) !== row.cells.join('\u0000')) changed.add(id);
    }
  }
  return changed;
}

function sortRows(rows: readonly Row[], order: SortOrder): Row[] {
  const value = (row: Row) => (row.sortValues ? row.sortValues[order.column] : row.cells[order.column]) ?? null;
  const direction = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => compareValues(value(a), value(b)) * direction);
}

/** Numbers as numbers, text as text (case-insensitive), nothing last. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}
