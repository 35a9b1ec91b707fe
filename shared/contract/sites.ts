import { z } from 'zod';
import { siteCodeSchema } from '../schemas/common';
import type { Site } from '../schemas/site';
import { channel } from './define';

export const sitesChannels = {
  /** Supervisors see the sites they supervise; managers see all. */
  'sites:list': channel(z.object({ includeArchived: z.boolean().default(false) }).strict(), 'user')<Site[]>(),
  'sites:get': channel(z.object({ code: siteCodeSchema }).strict(), 'user')<Site>(),
};
