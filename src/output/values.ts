import { pythonRepr } from '../python-literal.js';
import { FORMATTED, type Cell, type Formatted, type Value } from './result.js';

/**
 * How a value prints, following cliff (the openstack client's output
 * library) formatter by formatter:
 * - tables show a formatted column's human form, anything else as Python's str();
 * - value, csv and shell print Python's str() of the machine form;
 * - json and yaml carry the machine form as data.
 */

export function isFormatted(cell: Cell): cell is Formatted {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && (cell as Formatted)[FORMATTED] === true;
}

/** The data behind a cell (json, yaml, and the text of value/csv/shell). */
export function machineValue(cell: Cell): Value {
  return isFormatted(cell) ? cell.machine : cell;
}

/** A cell as a table shows it. */
export function humanText(cell: Cell): string {
  return isFormatted(cell) ? cell.human : pythonStr(cell);
}

/** A cell as `-f value`, csv and shell print it. */
export function machineText(cell: Cell): string {
  return pythonStr(machineValue(cell));
}

/**
 * Python's str() of the value as the openstack client holds it: strings as
 * they are, None, True/False, and containers as Python writes them
 * ({'k': 'v'}, ['a', 1]), which is what scripts reading openstack's
 * `-f value` of a dict or list already parse.
 */
export function pythonStr(value: Value): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}
