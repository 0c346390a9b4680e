/**
 * The columns of `connection check`, known before any request (for -c) and
 * the keys of its `-f json` rows: monitoring reads them, keep them stable.
 */
export const CHECK_COLUMNS = ['Check', 'Volume', 'Name', 'Protocol', 'Target', 'Device', 'Problem', 'Fix', 'Repair', 'Result'] as const;
