import { accountHandlers, authHandlers } from './auth';
import { incidentHandlers } from './incidents';
import { leaveHandlers } from './leave';
import { occurrenceHandlers } from './occurrence';
import { rotaHandlers } from './rota/handlers';
import { autofillHandlers } from './autofill/handlers';
import { backupHandlers } from './backups';
import { exchangeHandlers } from './exchange';
import { siteHandlers } from './sites';
import { staffHandlers } from './staff';
import { systemHandlers } from './system';
import { todayHandlers } from './today';
import { attendanceHandlers } from './attendance';
import { syncHandlers } from './sync';
import type { Handlers } from './types';

/** Every channel's service function; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...systemHandlers,
  ...siteHandlers,
  ...staffHandlers,
  ...leaveHandlers,
  ...incidentHandlers,
  ...occurrenceHandlers,
  ...rotaHandlers,
  ...autofillHandlers,
  ...exchangeHandlers,
  ...backupHandlers,
  ...todayHandlers,
  ...attendanceHandlers,
  ...syncHandlers,
};
