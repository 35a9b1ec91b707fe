/** Clock-time windows that recur every day (night time, a young worker's no-work hours), compared as sets of minutes. */
import { minutesOfDay } from '../dates';

const inWindow = (minute: number, start: number, end: number) =>
  start < end ? minute >= start && minute < end : minute >= start || minute < end;

/** Minutes in the daily window `start`–`end`, past midnight when `end <= start`; equal ends are a whole day. */
export const dailyWindowMinutes = (start: string, end: string): number => ((minutesOfDay(end) - minutesOfDay(start) + 1439) % 1440) + 1;

/** Whether every minute of the window `innerStart`–`innerEnd` lies within `start`–`end`. */
export const dailyWindowCovers = (start: string, end: string, innerStart: string, innerEnd: string): boolean => {
  const [s, e, is] = [minutesOfDay(start), minutesOfDay(end), minutesOfDay(innerStart)];
  for (let i = 0; i < dailyWindowMinutes(innerStart, innerEnd); i += 1) if (!inWindow((is + i) % 1440, s, e)) return false;
  return true;
};
