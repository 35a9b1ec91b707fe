import { weekViewBench } from './weekView';
import { cloneData, dropClone, CACHE } from './data';
import path from 'node:path';
const work = cloneData(path.join(CACHE, 'decade-staff230-seed1-2026-11-25-gena20f02801d'), 'wv');
try { console.log(JSON.stringify(await weekViewBench(work, 5))); } finally { dropClone(work); }
