import { Option } from 'commander';

/**
 * openstack's --no-property (remove every property) beside --property:
 * Commander would read "--no-property" as the negation of --property and
 * drop the properties given, so it is made an ordinary switch, noProperty.
 */
export function noPropertyOption(): Option {
  const option = new Option('--no-property', 'remove every property (first, when --property is given too)');
  option.negate = false;
  return option;
}
