import { accountHandlers, authHandlers } from './auth';
import { backupHandlers } from './backups';
import { exchangeHandlers } from './exchange';
import { siteHandlers } from './sites';
import { systemHandlers } from './system';
import type { Handlers } from './types';

/** Every channel's service function; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...systemHandlers,
  ...siteHandlers,
  ...exchangeHandlers,
  ...backupHandlers,
};
