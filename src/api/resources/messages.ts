import type { CinderSession } from '../session.js';

/** A user message (3.3+): why an asynchronous operation failed. */
export interface Message {
  id: string;
  event_id: string;
  user_message: string;
  message_level: string;
  resource_type?: string;
  resource_uuid?: string;
  created_at: string;
  guaranteed_until?: string;
  request_id?: string;
}

/**
 * User messages about one resource, newest first (3.3+; none before).
 * Cinder applies the filter and the sort only from 3.5 on (3.3 and 3.4
 * answer with every message of the project), so both are done here too:
 * another volume's message must never pass for this one's reason.
 */
export async function messagesFor(session: CinderSession, resourceId: string): Promise<Message[]> {
  if (!session.supports('3.3')) return [];
  const answer = await session.get('/messages', { resource_uuid: resourceId, sort: 'created_at:desc' });
  return answer
    .list<Message>('messages')
    .filter((message) => message.resource_uuid === resourceId)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
}

/** The first microversion with the messages API. */
export const MESSAGES_MIN_VERSION = '3.3';

export interface MessageFilters {
  resourceId?: string;
  /** Only messages about this kind of resource: VOLUME, SNAPSHOT, … */
  resourceType?: string;
  /** Stop after this many messages. */
  limit?: number;
  /** Start after this message. */
  marker?: string;
}

/** User messages of the project, newest first, across pages. */
export async function listMessages(session: CinderSession, filters: MessageFilters = {}): Promise<Message[]> {
  return session.list<Message>('/messages', 'messages', {
    query: { resource_uuid: filters.resourceId, resource_type: filters.resourceType, sort: 'created_at:desc', marker: filters.marker },
    limit: filters.limit,
  });
}

export async function getMessage(session: CinderSession, id: string): Promise<Message> {
  return (await session.get(`/messages/${encodeURIComponent(id)}`)).object<Message>('message');
}

export async function deleteMessage(session: CinderSession, id: string): Promise<void> {
  await session.delete(`/messages/${encodeURIComponent(id)}`);
}
