import { accountHandlers, authHandlers } from './auth';
import { rotaHandlers } from './rota';
import { siteHandlers } from './sites';
import { systemHandlers } from './system';
import type { Handlers } from './types';

/** Every channel's service function; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...systemHandlers,
  ...siteHandlers,
  ...rotaHandlers,
};
