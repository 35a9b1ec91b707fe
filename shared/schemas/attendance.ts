import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, recordMetaSchema, siteCodeSchema } from './common';

export const attendanceSchema = z
  .object({
    shiftId: idSchema,
    staffId: idSchema,
    site: siteCodeSchema,
    date: isoDateSchema,
    signedInAt: instantSchema.nullable(),
    signedOutAt: instantSchema.nullable(),
    noShow: z.boolean().default(false),
    corrections: z
      .array(
        z.object({
          at: instantSchema,
          by: idSchema,
          reason: z.string().min(3),
          field: z.string(),
          before: z.unknown(),
          after: z.unknown(),
        }),
      )
      .default([]),
  })
  .extend(recordMetaSchema.shape);
export type Attendance = z.infer<typeof attendanceSchema>;
