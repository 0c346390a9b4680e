import { listMessages, MESSAGES_MIN_VERSION } from '../../api/resources/messages.js';
import type { Message } from '../../api/resources/messages.js';
import { cellText } from '../cells.js';
import type { Row, ViewSpec } from '../view.js';

/** The newest messages are the ones an operator on call reads: one request, not the project's whole history. */
const MESSAGES_SHOWN = 200;

/** View 5: user messages (why asynchronous operations failed), newest first. */
export const MESSAGES: ViewSpec = {
  id: 'messages',
  number: '5',
  title: 'Messages',
  async fetch({ session }) {
    const supported = session.supports(MESSAGES_MIN_VERSION);
    const messages = supported ? await listMessages(session, { limit: MESSAGES_SHOWN }) : [];
    return {
      sections: [
        {
          id: 'messages',
          title: 'Messages',
          columns: [{ header: 'Created At' }, { header: 'Level' }, { header: 'Resource Type' }, { header: 'Resource' }, { header: 'Event' }, { header: 'User Message' }],
          rows: messages.map(messageRow),
          empty: 'No messages.',
          note: supported ? undefined : `messages need API ${MESSAGES_MIN_VERSION}`,
        },
      ],
    };
  },
};

function messageRow(message: Message): Row {
  return {
    kind: 'message',
    key: message.id,
    cells: [message.created_at, message.message_level, cellText(message.resource_type), cellText(message.resource_uuid), message.event_id, message.user_message],
    tone: message.message_level === 'ERROR' ? 'error' : undefined,
    item: message,
  };
}
