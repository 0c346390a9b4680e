import type { CinderSession } from '../session.js';
import type { Message } from '../types.js';

/** User messages about one resource, newest first (3.3+; none before). */
export async function messagesFor(session: CinderSession, resourceId: string): Promise<Message[]> {
  if (!session.supports('3.3')) return [];
  const body = await session.get<{ messages: Message[] }>('/messages', {
    resource_uuid: resourceId,
    sort: 'created_at:desc',
  });
  return body.messages;
}
