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
  /** cliff's --max-width (or CLIFF_MAX_TERM_WIDTH): fit tables to this many columns; 0 or less: not set. */
  maxWidth: number;
  /**
   * cliff's --fit-width (or CLIFF_FIT_WIDTH): fit tables to the terminal.
   * Undefined when nothing said either way: ucinder then fits a table to the
   * terminal it is printed on (openstack does only when asked); a pipe is
   * never fitted.
   */
  fitWidth?: boolean;
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
  maxWidth: 0,
};

/** The width a table is fitted to, as cliff decides it (_assign_max_widths); undefined: printed at its natural width. */
export function tableFitWidth(options: Pick<OutputOptions, 'maxWidth' | 'fitWidth'>, terminal: { stdoutIsTTY?: boolean; columns?: number } | undefined): number | undefined {
  if (options.maxWidth > 0) return options.maxWidth;
  if (options.fitWidth === false || !terminal?.stdoutIsTTY || !terminal.columns) return undefined;
  return terminal.columns;
}
