import { listing, type Cell, type Listing } from './result.js';

/**
 * One column of a list command: its header and how an item fills its cell.
 * `Context` is what every row may read besides its item (e.g. volume names
 * looked up once for the whole listing).
 */
export interface Column<Item, Context = undefined> {
  readonly header: string;
  readonly value: (item: Item, context: Context) => Cell;
}

/** The headers, in the columns' order: what -c and --sort-column choose from. */
export function headersOf<Item, Context>(columns: readonly Column<Item, Context>[]): string[] {
  return columns.map((column) => column.header);
}

export function rowOf<Item, Context>(columns: readonly Column<Item, Context>[], item: Item, context: Context): Cell[] {
  return columns.map((column) => column.value(item, context));
}

/** The items as a listing under the columns. */
export function columnListing<Item, Context>(columns: readonly Column<Item, Context>[], items: readonly Item[], context: Context): Listing {
  return listing(
    headersOf(columns),
    items.map((item) => rowOf(columns, item, context)),
  );
}
