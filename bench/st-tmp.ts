import { startupBench } from './startup';
import { cloneData, dropClone, CACHE } from './data';
import path from 'node:path';
const work = cloneData(path.join(CACHE, 'decade-staff230-seed1-2026-11-25-gena20f02801d'), 'st');
try { const r = await startupBench(work, 3); console.log(JSON.stringify(r)); } finally { dropClone(work); }
