import { z } from 'zod';
import { idSchema, serviceSchema, siteCodeSchema } from '../schemas/common';
import { dayKeySchema, siteInputSchema, type Site } from '../schemas/site';
import { channel } from './define';

export const sitesChannels = {
  /** Supervisors see the sites they supervise; managers see all. */
  'sites:list': channel(z.object({ includeArchived: z.boolean().default(false) }).strict(), 'user')<Site[]>(),
  'sites:get': channel(z.object({ code: siteCodeSchema }).strict(), 'user')<Site>(),
  'sites:create': channel(siteInputSchema.strict(), 'manager')<Site>(),
  /** `rev` is the revision the form was loaded at; a newer one on disk is a conflict, not an overwrite. */
  'sites:update': channel(siteInputSchema.extend({ id: idSchema, rev: z.number().int().min(1) }).strict(), 'manager')<Site>(),
  /** Copies one day's cover for a service to other sites (on the same or other days); all sites or none. */
  'sites:copy-cover': channel(
    z
      .object({
        from: siteCodeSchema,
        service: serviceSchema,
        day: dayKeySchema,
        toSites: z.array(siteCodeSchema).min(1, 'Choose at least one site'),
        toDays: z.array(dayKeySchema).min(1, 'Choose at least one day'),
      })
      .strict(),
    'manager',
  )<{ updated: string[]; skipped: { code: string; reason: string }[] }>(),
};
