import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** The PEM text of --os-cacert / OS_CACERT; unreadable is a usage error, named. */
export async function readCaBundle(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --os-cacert '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
