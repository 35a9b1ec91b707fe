/**
 * Connecting asks the hub who the hub user is (`GET /_session`). A hub that takes a while to answer (a slow link,
 * or a hub just started on a busy machine) is still a hub: the check waits for it. An address where nothing
 * answers is still refused, with the address named.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHubUser } from '../../../main/services/sync';

const USER = { name: 'desk-ch', password: 'CH desk password 1' };

/**
 * A server that answers `/_session` for USER after `delayMs` (never, when null), after cutting the first `cut`
 * connections as their request arrives (what a kept-alive socket the hub has just closed looks like to the client).
 */
const slowHub = async (delayMs: number | null, cut = 0) => {
  const seen = { cut: 0 };
  const server = http.createServer((req, res) => {
    if (seen.cut < cut) {
      seen.cut += 1;
      req.socket.destroy();
      return;
    }
    if (delayMs === null) return;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, userCtx: { name: USER.name, roles: [] } }));
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
};

describe('asking the hub who the hub user is', () => {
  const servers: http.Server[] = [];
  afterAll(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  it('waits for a hub that answers after 12 s (it was refused after 10 s)', async () => {
    const hub = await slowHub(12_000);
    servers.push(hub.server);
    await expect(checkHubUser(hub.url, USER)).resolves.toBeUndefined();
  }, 40_000);

  it('tries once more when a connection fails at once, as a kept-alive one the hub has just closed does', async () => {
    // The first connection is cut as its request arrives; the next is answered. A manager told "Could not reach a
    // hub" here would check an address that was right.
    const hub = await slowHub(0, 1);
    servers.push(hub.server);
    await expect(checkHubUser(hub.url, USER)).resolves.toBeUndefined();
    expect(hub.seen.cut).toBe(1);
  });

  it('gives up on a hub that takes the request and never answers, saying how long it waited', async () => {
    const hub = await slowHub(null);
    servers.push(hub.server);
    const started = Date.now();
    await expect(checkHubUser(hub.url, USER, undefined, 1000)).rejects.toMatchObject({
      code: 'invalid',
      message: `The hub at ${hub.url} did not answer within 1 second. Check the network, or try again later.`,
      fields: { url: 'The hub did not answer' },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an address where nothing listens, naming the address', async () => {
    await expect(checkHubUser('http://127.0.0.1:1', USER)).rejects.toMatchObject({
      code: 'invalid',
      message: 'Could not reach a hub at that address. Check the address and the network.',
      fields: { url: 'No hub answered at this address' },
    });
  });
});
