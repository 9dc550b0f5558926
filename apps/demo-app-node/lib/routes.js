// The API of demo-app (apps/demo-app/README.md is the contract), answered the way ASP.NET Core's routing
// answers it: paths match case-insensitively and with or without one trailing slash, a known path with
// another method is 405 with Allow, anything else 404 with an empty body.

import os from 'node:os';
import { countPrimesUpTo, parseN, N_ERROR } from './compute.js';
import { echo, MAX_BODY_BYTES, NOT_JSON } from './echo.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export function createHandler(appName) {
  // .NET's Environment.MachineName is the host name up to its first dot.
  const hostname = os.hostname().split('.')[0];
  const routes = new Map([
    ['/', { GET: (req, res) => sendJson(res, 200, { message: `Hello from ${appName}!`, app: appName, hostname, timestamp: new Date().toISOString() }) }],
    ['/json', { GET: (req, res) => sendJson(res, 200, { message: 'Hello, World!' }) }],
    ['/echo', { POST: handleEcho }],
    ['/compute', { GET: handleCompute }],
    ['/health', { GET: (req, res) => sendText(res, 'ok') }],
    ['/ready', { GET: (req, res) => sendText(res, 'ready') }],
  ]);

  return (req, res) => {
    const [rawPath, query = ''] = req.url.split('?', 2);
    const route = routes.get(normalise(rawPath));
    if (route === undefined) return sendEmpty(res, 404);
    const handle = route[req.method];
    if (handle === undefined) return sendEmpty(res, 405, { Allow: Object.keys(route).join(', ') });
    try {
      handle(req, res, query);
    } catch {
      // As Kestrel does with an exception in a handler: 500, nothing else said.
      if (!res.headersSent) sendEmpty(res, 500);
      else res.destroy();
    }
  };
}

function normalise(rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  path = path.toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function handleCompute(req, res, query) {
  const values = [];
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.toLowerCase() === 'n') values.push(value);
  }
  const n = parseN(values);
  if (n === null) return sendJson(res, 400, { error: N_ERROR });
  sendJson(res, 200, { n, primes: countPrimesUpTo(n) });
}

function handleEcho(req, res) {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(req, res);
  const chunks = [];
  let size = 0;
  req.on('data', chunk => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return tooLarge(req, res);
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    const text = echo(Buffer.concat(chunks, size));
    if (text === null) sendJson(res, 400, { error: NOT_JSON });
    else sendBody(res, 200, JSON_TYPE, text);
  });
}

function tooLarge(req, res) {
  if (res.headersSent) return;
  sendEmpty(res, 413, { Connection: 'close' });
  // The rest of the body is not read: the connection goes.
  req.destroy();
}

function sendJson(res, status, value) {
  sendBody(res, status, JSON_TYPE, JSON.stringify(value));
}

function sendText(res, text) {
  sendBody(res, 200, TEXT_TYPE, text);
}

function sendBody(res, status, type, text) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendEmpty(res, status, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Length': 0 });
  res.end();
}
