export const LIST_FORMATS = ['table', 'json', 'yaml', 'value', 'csv'] as const;
export const SHOW_FORMATS = ['table', 'json', 'yaml', 'value', 'shell'] as const;
/** Fields of a host-side record: what a details table prints, without shell variables. */
export const RECORD_FORMATS = ['table', 'json', 'yaml', 'value'] as const;
export const QUOTE_MODES = ['all', 'minimal', 'none', 'nonnumeric'] as const;

export type OutputFormat = (typeof LIST_FORMATS)[number] | (typeof SHOW_FORMATS)[number];
export type QuoteMode = (typeof QUOTE_MODES)[number];

/** The cliff-style output flags (-f, -c, --sort-column, --noindent, ...). */
export interface OutputOptions {
  format: OutputFormat;
  /** -c: only these columns/fields (printed in the table's order). */
  columns: string[];
  sortColumns: string[];
  sortDescending: boolean;
  noIndent: boolean;
  quote: QuoteMode;
  /** Prefix for shell variable names. */
  prefix: string;
  /** Print an empty table when there are no rows. */
  printEmpty: boolean;
  /** Details: the API resource under Cinder's own field names (--raw). */
  raw: boolean;
}

export const DEFAULT_OUTPUT: OutputOptions = {
  format: 'table',
  columns: [],
  sortColumns: [],
  sortDescending: false,
  noIndent: false,
  quote: 'nonnumeric',
  prefix: '',
  printEmpty: false,
  raw: false,
};
