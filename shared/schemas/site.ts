import { z } from 'zod';
import { nonEmpty, serviceSchema, SIA_SECTORS, siteCodeSchema, timeSchema, recordMetaSchema, WEEKDAYS } from './common';

/** A window on one day; `end <= start` means it runs past midnight into the next day. */
export const coverWindowSchema = z.object({
  start: timeSchema,
  end: timeSchema,
  min: z.number().int().min(1, 'At least one person').max(50, 'At most 50 people'),
});
export type CoverWindow = z.infer<typeof coverWindowSchema>;

export const dayKeySchema = z.enum([...WEEKDAYS, 'bankHoliday']);
export type DayKey = z.infer<typeof dayKeySchema>;

/** Per weekday (and bank holidays), the windows that need people. */
export const coverDaySchema = z.partialRecord(dayKeySchema, z.array(coverWindowSchema)).default({});

export const openingDaySchema = z.object({ open: timeSchema, close: timeSchema }).nullable(); // null = closed that day

export const siteInputSchema = z.object({
  code: siteCodeSchema,
  name: nonEmpty('Site name', 120),
  address: nonEmpty('Address', 300),
  opening: z.partialRecord(dayKeySchema, openingDaySchema),
  services: z.array(serviceSchema).min(1, 'A site runs at least one service'),
  cover: z.object({
    reception: coverDaySchema,
    security: coverDaySchema,
    cleaning: coverDaySchema,
  }),
  /** The SIA licence the site's security post needs (null: any front-line licence that covers guarding). */
  securityLicence: z.enum(SIA_SECTORS, { error: 'Choose the licence sector' }).nullable().optional(),
  /**
   * Security here needs permanent presence to protect property and persons (Working Time Regulations 1998
   * reg. 21(b)): daily rest, weekly rest and breaks give way to equivalent compensatory rest (reg. 24).
   */
  permanentPresence: z.boolean().optional(),
  contacts: z.array(z.object({ name: nonEmpty('Contact name', 120), role: z.string().max(120), phone: z.string().max(40) })).default([]),
  notes: z.string().max(4000).default(''),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

export const siteSchema = siteInputSchema.extend({ archived: z.boolean().default(false) }).extend(recordMetaSchema.shape);
export type Site = z.infer<typeof siteSchema>;
