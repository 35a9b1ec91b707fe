/**
 * Run as its own process (`node --expose-gc --import tsx bench/heap.ts <dir> <nowMs>`) so the heap
 * measured is only SiteDesk's: open the folder, browse 52 weeks of shifts a week at a time, load and
 * search every incident, then force a GC and print the heap as JSON.
 */
import { openApp } from '../main/app';
import { addDays, londonToday, monthsBetween, weekStart } from '../shared/domain/dates';
import { searchIncidents, toSearchable } from '../shared/domain/incidents';
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
const rows = repos.incidents.keys().flatMap((k) => Object.values(repos.incidents.partition(k))).map(toSearchable);
const found = searchIncidents(rows, { text: 'fire' }, londonToday(now)).length;
const withSearchIndex = mb();
const incidents = rows.length;
rows.length = 0;
const afterBrowsing = mb();
opened.close();
console.log(JSON.stringify({ gcForced: Boolean(gc), atStart, afterOpen, afterWeeks, withSearchIndex, afterBrowsing, shiftsSeen, incidents, found }));
