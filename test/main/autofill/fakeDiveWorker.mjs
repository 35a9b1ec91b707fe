// A helper thread for the tests: builds nothing, answers every dive at once with the plan the test put in
// SITEDESK_TEST_DIVE_PLAN (JSON (shift, person) pairs), and refuses the greedy fill (the fill then runs it itself).
import { parentPort } from 'node:worker_threads';

const pairs = JSON.parse(process.env.SITEDESK_TEST_DIVE_PLAN ?? 'null');
parentPort.on('message', (m) => {
  if (m.kind === 'model') parentPort.postMessage({ id: m.id, built: true });
  else if (m.kind === 'dive') parentPort.postMessage({ id: m.id, dive: { pairs, cost: null, seconds: 0 } });
  else parentPort.postMessage({ id: m.id, error: 'The test helper serves dives only' });
});
