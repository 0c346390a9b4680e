// undici's Agent and request, and nothing else of undici (see transport.ts);
// loaded as one lazily imported chunk.
import Agent from 'undici/lib/dispatcher/agent.js';
import request from 'undici/lib/api/api-request.js';

export { Agent, request };
