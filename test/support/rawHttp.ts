import net from 'node:net';

export interface RawResponse {
  /** The status of the first response line, or 0 when the server closed without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body of a chunked response. */
const unchunk = (raw: string): string => {
  let out = '';
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return out;
    const size = parseInt(raw.slice(at, eol), 16);
    if (!size) return out;
    out += raw.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
};

/**
 * Writes `request` byte for byte to 127.0.0.1:`port` and reads until the server closes the socket (or
 * `timeoutMs` passes), so garbled request lines, bad headers and odd methods go out exactly as written.
 */
export const rawRequest = (port: number, request: Buffer | string, timeoutMs = 5_000) =>
  new Promise<RawResponse>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 120))}`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may close while we still write a large body; what it said before that is the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const lines = head.split('\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const raw = Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8');
      resolve({ status: m ? Number(m[1]) : 0, headers, body: headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw });
    });
    // No half-close: the request asks for `Connection: close`, so the server ends the socket when done.
    socket.write(request);
  });

/** A well-formed HTTP/1.1 request that asks the server to close when done. */
export const httpRequest = (
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
) => {
  const body = opts.body === undefined ? Buffer.alloc(0) : Buffer.from(opts.body);
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: 'close', ...opts.headers };
  if (body.length && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
    headers['Content-Length'] = String(body.length);
  const head = `${opts.method ?? 'GET'} ${opts.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
};
