/**
 * The files ucinder reads and keeps, as the operator sees them: the one list
 * that docs/configuration.md's "Files" table and the FILES section of
 * ucinder(1) are generated from. Paths are written as the documentation
 * shows them ($XDG_CACHE_HOME and friends, see paths.ts and clouds-files.ts).
 */
interface CatalogFile {
  path: string;
  what: string;
}

export const FILE_CATALOG: readonly CatalogFile[] = [
  {
    path: '$OS_CLIENT_CONFIG_FILE, ./clouds.yaml, $XDG_CONFIG_HOME/openstack/clouds.yaml, /etc/openstack/clouds.yaml',
    what: 'clouds for --os-cloud (also .yml): the first one found is read',
  },
  {
    path: '$OS_CLIENT_SECURE_FILE, ./secure.yaml, $XDG_CONFIG_HOME/openstack/secure.yaml, /etc/openstack/secure.yaml',
    what: "secrets merged into clouds.yaml's clouds (also .yml): the first one found is read",
  },
  { path: '$XDG_CACHE_HOME/ucinder/discovery-*.json', what: 'microversion range per endpoint (10 min)' },
  { path: '$XDG_CACHE_HOME/ucinder/tokens/*.json', what: 'Keystone tokens (0600, until shortly before expiry)' },
  {
    path: '$XDG_CACHE_HOME/ucinder/clouds.json',
    what: "clouds.yaml + secure.yaml as parsed, without a single secret, under a SHA-256 of the files' paths and contents (0600: it names users, projects and endpoints)",
  },
  { path: '$XDG_CACHE_HOME/ucinder/completion-*.json', what: 'names for TAB completion (fresh for 30 s)' },
  {
    path: '$XDG_STATE_HOME/ucinder/connections/*.ini',
    what: 'attach flow connection info (0600); /var/lib/ucinder/connections/ for the boot-time service (ucinder-connections.service)',
  },
  { path: '$XDG_STATE_HOME/ucinder/history', what: "the shell's history (0600, last 1000 lines, never a line with a secret)" },
];

/** What the variables in the paths default to (paths.ts). */
export const FILE_CATALOG_DEFAULTS =
  '$XDG_CONFIG_HOME defaults to ~/.config, $XDG_CACHE_HOME to ~/.cache and $XDG_STATE_HOME to ~/.local/state; ' +
  '--state-dir (or $UCINDER_STATE_DIR) replaces $XDG_STATE_HOME/ucinder.';
