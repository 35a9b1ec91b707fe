/**
 * Run as its own process (`node --expose-gc --import tsx bench/heap.ts <dir> <nowMs>`) so the heap
 * measured is only SiteDesk's: open the folder, browse 52 weeks of shifts a week at a time, load and
 * search every incident through the app's incident index, then force a GC and print the heap as JSON.
 */
import { openApp } from '../main/app';
import { addDays, londonToday, monthsBetween, weekStart } from '../shared/domain/dates';
import { incidentIndex } from '../main/services/incidentIndex';
import { searchIncidents } from '../shared/domain/incidents';
import { StoreClassConf } from './data';

const [dir, nowArg] = process.argv.slice(2);
const now = Number(nowArg);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = () => {
  gc?.();
  gc?.();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
};

const atStart = mb();
const opened = openApp({ dataDir: dir, StoreClass: StoreClassConf, mode: 'browser', version: 'bench', backupEveryMinutes: 0 });
const { repos } = opened.app;
const afterOpen = mb();
const thisMonday = weekStart(londonToday(now));
let shiftsSeen = 0;
for (let w = 52; w >= 1; w -= 1) {
  const monday = addDays(thisMonday, -7 * w);
  const sunday = addDays(monday, 6);
  shiftsSeen += repos.shifts.inMonths(monthsBetween(monday, sunday)).filter((s) => s.date >= monday && s.date <= sunday).length;
}
const afterWeeks = mb();
// The incidents screen's own index (main/services/incidentIndex.ts), as a search at the desk builds it.
const index = incidentIndex(repos);
const found = searchIncidents(index.rows(), { text: 'fire' }, londonToday(now)).length;
const withSearchIndex = mb();
const incidents = index.rows().length;
opened.app.ds.forget();
const afterBrowsing = mb(); // the index still held; the file cache dropped
opened.close();
console.log(
  JSON.stringify({ gcForced: Boolean(gc), atStart, afterOpen, afterWeeks, withSearchIndex, afterBrowsing, shiftsSeen, incidents, found }),
);
