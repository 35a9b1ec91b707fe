/** After each test file, no hub it started is left running (see `stopRunningHubs`). */
import { afterAll } from 'vitest';
import { stopRunningHubs } from './hubProcess';

afterAll(stopRunningHubs);
