/**
 * Imported first by renderer/main.tsx, so it runs before React and the screens' code: the question every
 * start begins with goes to main at once (renderer/firstStatus.ts).
 */
import { call } from './api';
import { holdFirstStatus } from './firstStatus';

holdFirstStatus(call('auth:status', {}));
