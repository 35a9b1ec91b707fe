/**
 * Issue 12 hole 4: parallel guesses against the sign-in throttle, over the real browser-mode server.
 *
 * The design (shared/domain/throttle.ts, written out here by hand, not read from it): three free tries,
 * then the next try must wait 2 s after the last failure, then 4 s, 8 s, 16 s … So a guesser who fires
 * as fast as it likes has at most these guesses checked in the first 30 s:
 *   t = 0 s: 3 free tries; t ≥ 2 s: 4th; t ≥ 6 s: 5th; t ≥ 14 s: 6th; t ≥ 30 s: 7th.
 * That is 7 at most (the 7th only on the 30 s mark). Across all accounts together no more than 10 failed
 * checks are made in any minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, withManager, type TestApp } from '../support/app';
import { httpRequest, rawRequest } from '../support/rawHttp';
import { serveTestApp } from '../support/serveApp';

const DESIGN_MAX_CHECKED_IN_30_S = 7;
const DESIGN_GLOBAL_FAILURES_PER_MINUTE = 10;
const PASSWORD = 'correct horse 1';

/**
 * A test app whose clock runs in real time from its fixed start, so the throttle's waits pass while a burst is
 * being answered, as on a real server. `pause` moves it on at once by the guesser's own pause between bursts,
 * when no request is in flight and the server has nothing to do: the same guesser in the app's time, without
 * a test worker sitting idle through each pause.
 */
const realTimeApp = (): { t: TestApp; pause: (ms: number) => void } => {
  const t = openTestApp();
  const base = t.clock.now;
  const started = Date.now();
  let paused = 0;
  Object.defineProperty(t.clock, 'now', { get: () => base + (Date.now() - started) + paused, set: () => undefined });
  return { t, pause: (ms) => (paused += ms) };
};

/** One sign-in over HTTP, as a browser sends it; the server must answer (200) even when it refuses. */
const signInOver = async (server: { port: number; secret: string }, username: string, password: string) => {
  const res = await rawRequest(
    server.port,
    httpRequest(server.port, {
      method: 'POST',
      path: '/api/auth:sign-in',
      headers: { 'Content-Type': 'application/json', 'X-SiteDesk-Secret': server.secret },
      body: JSON.stringify({ username, password }),
    }),
    20_000,
  );
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { ok: boolean; code?: string; message?: string };
};

describe('sign-in throttle over the real server', () => {
  const { t, pause } = realTimeApp();
  let server: Awaited<ReturnType<typeof serveTestApp>>;
  beforeAll(async () => {
    await withManager(t, 'maria', PASSWORD);
    server = await serveTestApp(t);
  });
  afterAll(() => server.close());

  const signIn = (username: string, password: string) => signInOver(server, username, password);

  // The password is placed just past what a burst can reach if the throttle holds: every burst is the first 40 of the
  // guesser's queue, and only checked guesses leave it, so with at most 7 checked no burst holds a guess past the
  // 47th. (It was the 37th guess, inside the very first burst, so whether it was found depended on which of the
  // burst's 40 requests the server happened to take first: one CI run found it among 7 checks.)
  const PASSWORD_AT = DESIGN_MAX_CHECKED_IN_30_S + 40;

  it(`40-wide bursts for 30 s: at most ${DESIGN_MAX_CHECKED_IN_30_S} guesses are checked and the password (guess ${PASSWORD_AT + 1}) is not found`, async () => {
    // The guesser retries every guess that was turned away unchecked (rate_limited) before any new one.
    let queue = Array.from({ length: 400 }, (_, i) => (i === PASSWORD_AT ? PASSWORD : `guess number ${i}`));
    let checked = 0;
    let found = false;
    const started = t.clock.now;
    const realStart = Date.now();
    const burstStarts: number[] = [];
    const until = started + 30_000;
    while (t.clock.now < until && !found) {
      burstStarts.push((t.clock.now - started) / 1000);
      const batch = queue.slice(0, 40);
      const answers = await Promise.all(batch.map((g) => signIn('maria', g)));
      for (const a of answers) {
        if (a.ok) found = true;
        else if (a.code === 'invalid') checked++;
        else expect(a.code).toBe('rate_limited');
      }
      queue = [...batch.filter((_, i) => answers[i].code === 'rate_limited'), ...queue.slice(40)];
      pause(250);
    }
    const pauses = burstStarts.slice(1).map((at, i) => at - burstStarts[i]);
    const longestPause = Math.max(...pauses);
    console.log(
      `sign-in throttle: ${burstStarts.length} bursts of 40 in 30 s of the app's time (${((Date.now() - realStart) / 1000).toFixed(1)} s real; longest pause ${longestPause.toFixed(1)} s), ${checked} guesses checked, password found: ${found}`,
    );
    // The guesser kept at it through the whole 30 s: with a burst at least every 8 s and the last at 22 s or
    // later, it tried again within 8 s of each moment the throttle lets one more guess through (2, 6 and 14 s),
    // so the bound below is tested against a guesser who never let up. How many bursts fit depends on the
    // machine's load (11 on one loaded CI run), so the count itself is not judged.
    expect(longestPause).toBeLessThanOrEqual(8);
    expect(burstStarts.at(-1)).toBeGreaterThanOrEqual(22);
    expect(found).toBe(false);
    expect(checked).toBeLessThanOrEqual(DESIGN_MAX_CHECKED_IN_30_S);
    expect(checked).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it(`one burst spread over 40 user names (real and made up) has at most ${DESIGN_GLOBAL_FAILURES_PER_MINUTE} checked`, async () => {
    const other = openTestApp();
    const m = await withManager(other, 'maria', PASSWORD);
    for (const name of ['sam', 'priya', 'tom'])
      await other.call(
        'accounts:create',
        { username: name, displayName: name, role: 'supervisor', sites: ['CH'], password: 'desk password' },
        m,
      );
    const srv = await serveTestApp(other);
    try {
      const names = ['maria', 'sam', 'priya', 'tom', ...Array.from({ length: 36 }, (_, i) => `user${i}`)];
      const answers = await Promise.all(names.map((username) => signInOver(srv, username, 'Password1')));
      const checked = answers.filter((a) => a.code === 'invalid').length;
      expect(answers.every((a) => a.code === 'invalid' || a.code === 'rate_limited')).toBe(true);
      expect(checked).toBeLessThanOrEqual(DESIGN_GLOBAL_FAILURES_PER_MINUTE);
      // A minute later the desk works again for the right password.
      other.clock.now += 61_000;
      expect(await other.call('auth:sign-in', { username: 'sam', password: 'desk password' }, other.session())).toMatchObject({ ok: true });
    } finally {
      await srv.close();
    }
  });
});

describe('unknown and real user names answer the same way', () => {
  it('the same answers, message for message, through the slow-down, for a real name and a made-up one', async () => {
    const t = openTestApp();
    await withManager(t, 'maria', PASSWORD);
    const run = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        out.push(await t.call('auth:sign-in', { username, password: 'wrong guess' }, t.session()));
        t.clock.now += 500;
      }
      return out;
    };
    const real = await run('maria');
    t.clock.now += 3_600_000;
    const unknown = await run('mallory');
    expect(unknown).toEqual(real);
    expect(real.map((r) => (r as { code: string }).code)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    // Unlock on a signed-in session answers the same way too.
    const session = t.session();
    t.clock.now += 3_600_000;
    await t.call('auth:sign-in', { username: 'maria', password: PASSWORD }, session);
    await t.call('auth:lock', {}, session);
    t.clock.now += 3_600_000;
    const a = await t.call('auth:unlock', { username: 'maria', secret: 'wrong guess' }, session);
    const b = await t.call('auth:unlock', { username: 'nobody-here', secret: 'wrong guess' }, session);
    expect(b).toEqual(a);
  });

  it('a made-up name costs a password hash, like a real one (same timing class)', async () => {
    const t = openTestApp();
    await withManager(t, 'maria', PASSWORD);
    const time = async (username: string) => {
      t.clock.now += 3_600_000;
      const started = performance.now();
      const r = await t.call('auth:sign-in', { username, password: 'wrong guess' }, t.session());
      expect(r).toMatchObject({ ok: false, code: 'invalid' });
      return performance.now() - started;
    };
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      real.push(await time('maria'));
      unknown.push(await time(`nobody${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ratio = median(unknown) / median(real);
    console.log(`wrong password: real name ${median(real).toFixed(1)} ms, unknown name ${median(unknown).toFixed(1)} ms`);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});
