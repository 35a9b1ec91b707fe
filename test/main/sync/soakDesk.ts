/**
 * A desk in its own process, for the soak's SIGKILL step: `node --import tsx soakDesk.ts <dir> <user> <site>
 * <clock ms> <text>`. It opens the desk's folder with sync running (as a reopened desk does), signs in,
 * prints `ready`, then records log entries one after another, printing `ack <id>` once each is
 * acknowledged, until the soak kills it with SIGKILL, mid-save or mid-replication.
 */
import { okData } from '../../support/app';
import { openSyncApp, signIn } from './world';

const main = async () => {
  const [dir, username, site, clockMs, text] = process.argv.slice(2);
  const t = openSyncApp(dir);
  t.clock.now = Number(clockMs);
  const s = await signIn(t, username!);
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const minute = (i * 7) % 1440;
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    // The day before the desk's clock: every minute of it has passed, and the log takes no entry still to come.
    const line = okData(await t.call('log:add', { site: site!, date: '2026-11-24', time, kind: 'patrol', text: `${text} #${i}` }, s));
    process.stdout.write(`ack ${line.entry.id}\n`);
    t.clock.now += 1_000;
  }
};
main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
