import type { CinderSession } from '../api/session.js';

/**
 * What a view of `ucinder top` shows, as data: sections of rows under
 * columns, plain text only. The frame (frame.ts) fits, styles and scrolls
 * them; nothing here knows about the terminal.
 */

/** How a row or cell stands out: errors red, warnings yellow, work under way cyan, healthy green. */
export type Tone = 'error' | 'warning' | 'busy' | 'ok';

export type RowKind = 'problem' | 'service' | 'cluster' | 'pool' | 'volume' | 'snapshot' | 'backup' | 'message';

export interface Column {
  header: string;
  /** Right-aligned (sizes, counts). */
  numeric?: boolean;
  /** Never cut below this width (a capacity bar); by default a column may shrink to a few characters. */
  minWidth?: number;
}

export interface Row {
  kind: RowKind;
  /** Unique within its section (an ID): keeps the selection and the change marks across refreshes. */
  key: string;
  /** The cells as text, one per column. */
  cells: string[];
  /** What `s` sorts by, per column, when not the text (sizes as numbers). */
  sortValues?: (string | number | null)[];
  tone?: Tone;
  /** Per cell, over the row's tone (the capacity bar's colour). */
  cellTones?: (Tone | undefined)[];
  /** The API object behind the row: what Enter shows and what actions act on. */
  item: unknown;
}

export interface Section {
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** Why part of the section is missing (a listing this cloud refuses). */
  note?: string;
}

export interface ViewData {
  sections: Section[];
  /** The overview's verdict, shown in every view's tab line. */
  health?: { level: 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR'; summary: string };
}

export interface FetchContext {
  session: CinderSession;
  allProjects: boolean;
  /** When the refresh started (epoch ms): ages and "stuck" are measured from it. */
  now: number;
}

export type ViewId = 'overview' | 'volumes' | 'services' | 'snapshots' | 'messages';

export interface ViewSpec {
  id: ViewId;
  /** Its key and its place in the tab line. */
  number: string;
  title: string;
  /** One refresh: a fixed number of listings (plus their pages), never one request per resource. */
  fetch(context: FetchContext): Promise<ViewData>;
}
