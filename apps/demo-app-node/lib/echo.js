// POST /echo: the body parsed as JSON (whatever Content-Type says) and written back, as demo-app does.

/** What System.Text.Json's JsonDocument allows by default; deeper documents are refused there too. */
export const MAX_DEPTH = 64;
/** Kestrel's default MaxRequestBodySize: a larger body is answered 413. */
export const MAX_BODY_BYTES = 30_000_000;
export const NOT_JSON = 'request body is not valid JSON';

/** The JSON text to answer with, or null when the body is not JSON (or nests deeper than .NET reads). */
export function echo(body) {
  // Like .NET: a UTF-8 byte order mark is skipped; invalid bytes become U+FFFD.
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return tooDeep(value, 1) ? null : JSON.stringify(value);
}

function tooDeep(value, depth) {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (tooDeep(item, depth + 1)) return true;
  }
  return false;
}
