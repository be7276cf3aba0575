/**
 * What @hono/node-server hands the app for a request from this machine, for in-process
 * `app.request(path, init, FROM_LOOPBACK)` calls: /health and /metrics answer only loopback
 * callers (or a bearer token), and an in-process request has no socket of its own.
 */
export const FROM_LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } } as const;
