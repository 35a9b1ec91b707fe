import { z } from 'zod';
import { isoDateSchema, siteCodeSchema } from '../schemas/common';
import { logEntryInputSchema, type LogEntry, type LogEntryInput } from '../schemas/occurrence';
import { refuseNeedlessZones, refuseSkippedTimes } from '../schemas/wallClock';
import type { TextFile } from './define';
import { channel } from './define';

/** A line of a day's log as the screen shows it: the entry, who wrote it, and what corrects it. */
export interface LogLine {
  entry: LogEntry;
  /** Its number in its own day's log, in the order written (stored, never derived from its time). */
  number: number;
  /** Written more than a quarter of an hour after the time it records: shown with both times. */
  backDated: boolean;
  author: string;
  correctedBy: string[];
  superseded: boolean;
}

const day = z.object({ site: siteCodeSchema, date: isoDateSchema }).strict();

export const occurrenceChannels = {
  'log:day': channel(day, 'user')<LogLine[]>(),
  /** Appends an entry (or a correction of an earlier one); nothing in the log is ever changed. */
  'log:add': channel(
    logEntryInputSchema
      .strict()
      .superRefine(refuseSkippedTimes((e: LogEntryInput) => [[e.date, e.time, 'time']]))
      .superRefine(refuseNeedlessZones((e: LogEntryInput) => [[e.date, e.time, e.zone, 'time']])),
    'user',
  )<LogLine>(),
  'log:export-csv': channel(day, 'user')<TextFile>(),
};
