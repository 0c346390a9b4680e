import type { VerbTable } from '../verbs.js';

/** `volume backup record …` */
export const VERBS: VerbTable = {
  export: () => import('./export.js').then((m) => m.registerBackupRecordExport),
  import: () => import('./import.js').then((m) => m.registerBackupRecordImport),
};
