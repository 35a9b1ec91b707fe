// Runs the auto-scheduler's TypeScript worker from source (the built app bundles it as JavaScript).
import { register } from 'tsx/esm/api';

register();
await import('../../../main/services/autofill/worker.ts');
