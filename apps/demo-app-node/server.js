// demo-app's Node.js twin, for runtime comparisons: the same API and the same answers (apps/demo-app/README.md
// is the contract), on node's own http module and nothing else. Start: PORT=8080 node server.js

import http from 'node:http';
import { createHandler } from './lib/routes.js';
import { listenAddresses } from './lib/listen.js';

// Kestrel's defaults, so that both runtimes treat connections alike.
const KEEP_ALIVE_MS = 130_000;
const HEADERS_TIMEOUT_MS = 30_000;
const MAX_HEADER_BYTES = 32 * 1024;
// How long a graceful stop waits for requests in flight before closing their connections.
const SHUTDOWN_GRACE_MS = 5_000;

let addresses;
try {
  addresses = listenAddresses(process.env, process.argv.slice(2));
} catch (error) {
  console.error(`demo-app-node: ${error.message}`);
  process.exit(1);
}

const appName = process.env.APP_NAME?.trim() ? process.env.APP_NAME : 'demo-app';
const handler = createHandler(appName);
const servers = addresses.map(({ host, port }) => {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: HEADERS_TIMEOUT_MS }, handler);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.on('error', error => {
    console.error(`demo-app-node: cannot listen on http://${host}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, host);
  return server;
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  let open = servers.length;
  for (const server of servers) {
    server.close(() => {
      if (--open === 0) process.exit(0);
    });
    server.closeIdleConnections();
  }
  setTimeout(() => servers.forEach(s => s.closeAllConnections()), SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
