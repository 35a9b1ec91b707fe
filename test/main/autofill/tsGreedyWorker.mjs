// The greedy fill's helper thread from source, loading only what it needs (the built app starts the
// auto-scheduler's own bundle, which serves it too; see main/services/autofill/greedy.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveHelper } = await import('../../../main/services/autofill/greedy.ts');
serveHelper(workerData, parentPort);
