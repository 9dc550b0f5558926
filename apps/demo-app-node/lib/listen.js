// Where the app listens, by the same rules as demo-app (apps/Shared/SampleHost.cs): PORT wins and binds
// loopback only; otherwise --urls / ASPNETCORE_URLS; otherwise http://127.0.0.1:8080.

export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** The [{host, port}] to listen on; throws with a message naming the bad setting. */
export function listenAddresses(env, argv) {
  const port = env.PORT;
  if (port !== undefined && port.trim() !== '') {
    const number = /^[0-9]+$/.test(port) ? Number(port) : NaN;
    if (!(number >= 1 && number <= 65535)) {
      throw new Error(`PORT='${port}' is not a TCP port: set PORT to a number between 1 and 65535, or unset it and pass --urls.`);
    }
    return [{ host: '127.0.0.1', port: number }];
  }
  const urls = urlsArgument(argv) ?? env.ASPNETCORE_URLS;
  return (urls && urls.trim() !== '' ? urls : DEFAULT_URL).split(';').filter(u => u.trim() !== '').map(parseUrl);
}

function urlsArgument(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--urls' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--urls=')) return argv[i].slice('--urls='.length);
  }
  return undefined;
}

function parseUrl(text) {
  // ASP.NET's wildcards, which URL would not parse as host names.
  const url = new URL(text.trim().replace(/^http:\/\/[*+](?=[:/]|$)/, 'http://0.0.0.0'));
  if (url.protocol !== 'http:') throw new Error(`'${text}' is not an http:// URL: the twin serves plain HTTP only.`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host: host === 'localhost' ? '127.0.0.1' : host, port: url.port === '' ? 80 : Number(url.port) };
}
