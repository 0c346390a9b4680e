import { ATTACHMENTS_MICROVERSION, listAttachments, type Attachment } from '../api/resources/attachments.js';
import { VOLUME_RESET_STATES } from '../api/resources/volume-actions.js';
import { formatMicroversion } from '../api/microversion.js';
import type { CinderSession } from '../api/session.js';
import type { Service } from '../api/resources/services.js';
import type { Volume } from '../api/resources/volumes.js';
import type { Row, RowKind, Tone } from './view.js';

/**
 * What the keys on a selected row do. Each action asks what it needs and
 * then for a yes in the screen, and only then runs the ucinder command it
 * names, through the session's own command tree: the same checks, the same
 * requests and the same messages as typing the command. No change is sent
 * before the yes (reading a volume's attachments to choose one is a read).
 */

/** What an action may do with the screen and the session. */
export interface ActionScreen {
  /** A y/N question in the footer: true only for y. */
  confirm(question: string): Promise<boolean>;
  /** A line of text typed in the footer; `check` returns why an answer is refused. Undefined when Esc. */
  ask(question: string, check: (answer: string) => string | undefined): Promise<string | undefined>;
  /** Shows text in the body (choices to pick from). */
  show(title: string, text: string): void;
  notify(text: string, tone?: Tone): void;
  /** Runs `ucinder WORDS` in the session and shows its outcome. */
  run(words: string[]): Promise<void>;
  session(): Promise<CinderSession>;
  allProjects: boolean;
}

export interface RowAction {
  key: string;
  label: string;
  help: string;
  kinds: readonly RowKind[];
  perform(row: Row, screen: ActionScreen): Promise<void>;
}

export const ACTIONS: readonly RowAction[] = [
  {
    key: 'd',
    label: 'delete',
    help: 'delete the volume (volume delete)',
    kinds: ['volume'],
    async perform(row, screen) {
      const volume = row.item as Volume;
      if (await screen.confirm(`Delete ${volumeLabel(volume)}?`)) await screen.run(['volume', 'delete', volume.id]);
    },
  },
  {
    key: 'r',
    label: 'state',
    help: "reset the volume's status in Cinder's database (volume set --state)",
    kinds: ['volume'],
    async perform(row, screen) {
      const volume = row.item as Volume;
      const state = await screen.ask(`New status of ${volumeLabel(volume)} (now ${volume.status}; ${VOLUME_RESET_STATES.join(' ')}):`, (answer) =>
        (VOLUME_RESET_STATES as readonly string[]).includes(answer) ? undefined : `one of: ${VOLUME_RESET_STATES.join(', ')}`,
      );
      if (state === undefined) return;
      const question = `Reset the status of ${volumeLabel(volume)} from ${volume.status} to ${state} (the database only, not the backend)?`;
      if (await screen.confirm(question)) await screen.run(['volume', 'set', '--state', state, volume.id]);
    },
  },
  {
    key: 'e',
    label: 'extend',
    help: 'extend the volume to a larger size (volume set --size)',
    kinds: ['volume'],
    async perform(row, screen) {
      const volume = row.item as Volume;
      const size = await screen.ask(`New size of ${volumeLabel(volume)} in GiB (now ${volume.size}):`, (answer) =>
        /^\d+$/.test(answer) && Number(answer) > volume.size ? undefined : `a whole number of GiB above ${volume.size}`,
      );
      if (size === undefined) return;
      if (await screen.confirm(`Extend ${volumeLabel(volume)} from ${volume.size} to ${size} GiB?`)) await screen.run(['volume', 'set', '--size', size, volume.id]);
    },
  },
  {
    key: 'D',
    label: 'detach',
    help: "delete one of the volume's attachments, e.g. a stale one (volume attachment delete)",
    kinds: ['volume'],
    async perform(row, screen) {
      const volume = row.item as Volume;
      const session = await screen.session();
      if (!session.supports(ATTACHMENTS_MICROVERSION)) {
        return screen.notify(`attachments need API ${ATTACHMENTS_MICROVERSION}; this session speaks ${formatMicroversion(session.microversion)}`, 'warning');
      }
      const attachments = await listAttachments(session, { volumeId: volume.id, allProjects: screen.allProjects });
      if (attachments.length === 0) return screen.notify(`${volumeLabel(volume)} has no attachments`);
      const attachment = await chooseAttachment(attachments, volume, screen);
      if (!attachment) return;
      const question = `Delete attachment ${attachment.id} (${attachment.status}, ${attachment.instance ? `server ${attachment.instance}` : 'no server'}) of ${volumeLabel(volume)}?`;
      if (await screen.confirm(question)) await screen.run(['volume', 'attachment', 'delete', attachment.id]);
    },
  },
  {
    key: 'x',
    label: 'disable/enable',
    help: 'disable the service, with a reason (or enable it again) (volume service set)',
    kinds: ['service'],
    async perform(row, screen) {
      const service = row.item as Service;
      const label = `${service.binary} on ${service.host}`;
      if (service.status === 'disabled') {
        if (await screen.confirm(`Enable ${label}?`)) await screen.run(['volume', 'service', 'set', '--enable', service.host, service.binary]);
        return;
      }
      const reason = await screen.ask(`Why disable ${label}? (shown in service list; Enter for no reason)`, () => undefined);
      if (reason === undefined) return;
      const because = reason.trim() ? ` (${reason.trim()})` : '';
      if (!(await screen.confirm(`Disable ${label}${because}? The scheduler places no new volumes there.`))) return;
      await screen.run(['volume', 'service', 'set', '--disable', ...(because ? ['--disable-reason', reason.trim()] : []), service.host, service.binary]);
    },
  },
];

export function actionFor(key: string, row: Row | undefined): RowAction | undefined {
  return row ? ACTIONS.find((action) => action.key === key && action.kinds.includes(row.kind)) : undefined;
}

export function actionsFor(row: Row | undefined): RowAction[] {
  return row ? ACTIONS.filter((action) => action.kinds.includes(row.kind)) : [];
}

function volumeLabel(volume: Volume): string {
  return volume.name ? `volume ${volume.name} (${volume.id})` : `volume ${volume.id}`;
}

async function chooseAttachment(attachments: Attachment[], volume: Volume, screen: ActionScreen): Promise<Attachment | undefined> {
  if (attachments.length === 1) return attachments[0];
  const lines = attachments.map(
    (attachment, index) => `${index + 1}  ${attachment.id}  ${attachment.status}  ${attachment.instance ? `server ${attachment.instance}` : 'no server'}`,
  );
  screen.show(`Attachments of ${volumeLabel(volume)}`, lines.join('\n'));
  const answer = await screen.ask(`Which attachment (1-${attachments.length})?`, (text) =>
    /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= attachments.length ? undefined : `a number from 1 to ${attachments.length}`,
  );
  return answer === undefined ? undefined : attachments[Number(answer) - 1];
}
