import { accountHandlers, authHandlers } from './auth';
import { siteHandlers } from './sites';
import { systemHandlers } from './system';
import { todayHandlers } from './today';
import { attendanceHandlers } from './attendance';
import type { Handlers } from './types';

/** Every channel's service function; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...systemHandlers,
  ...siteHandlers,
  ...todayHandlers,
  ...attendanceHandlers,
};
