import { Option } from 'commander';
import { literalNoFlag, type OptionExtras, type OptionSpec } from './option-spec.js';

/**
 * openstack's --no-property (remove every property) beside --property:
 * Commander would read "--no-property" as the negation of --property and
 * drop the properties given, so it is a switch of its own, noProperty.
 */
export function noPropertyFlag(extras: OptionExtras = {}): OptionSpec<boolean, false> {
  return literalNoFlag('--no-property', 'remove every property (first, when --property is given too)', extras);
}

export function noPropertyOption(): Option {
  const option = new Option('--no-property', 'remove every property (first, when --property is given too)');
  option.negate = false;
  return option;
}
