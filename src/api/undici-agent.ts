// undici's Agent and request, and nothing else of undici (see transport.ts);
// imported lazily: the bundle evaluates it only when a command makes a request.
import Agent from 'undici/lib/dispatcher/agent.js';
import request from 'undici/lib/api/api-request.js';

export { Agent, request };
