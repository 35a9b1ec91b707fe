/** Files out of the rota: a week as CSV for spreadsheets and payroll, a person's shifts as iCalendar. */
import { createEvents, type EventAttributes } from 'ics';
import { CSV_MIME } from '../../../shared/contract/define';
import { decimal, toCsv } from '../../../shared/domain/csv';
import { isoInstant } from '../../../shared/domain/dates';
import { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';
import { paidMinutes } from '../../../shared/domain/rota';
import { spanOf } from '../../../shared/domain/rota/instants';
import type { TextFile } from '../../../shared/contract/define';
import { AppError } from '../../../shared/result';
import type { Shift } from '../../../shared/schemas/shift';
import type { Site } from '../../../shared/schemas/site';
import type { Staff } from '../../../shared/schemas/staff';

/** The week's shifts, one row each, in date, site and start order. */
export const weekCsv = (
  weekStart: string,
  siteLabel: string,
  shifts: readonly Shift[],
  staff: readonly Pick<Staff, 'id' | 'name' | 'employeeNumber'>[],
): TextFile => {
  const people = new Map(staff.map((s) => [s.id, s]));
  const rows = [...shifts]
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.site.localeCompare(b.site) ||
        a.service.localeCompare(b.service) ||
        a.start.localeCompare(b.start),
    )
    .map((s) => {
      const p = s.staffId ? people.get(s.staffId) : undefined;
      const span = spanOf(s.date, s.start, s.end);
      return [
        s.date,
        s.site,
        SERVICE_LABEL[s.service],
        isoInstant(span.start),
        isoInstant(span.end),
        s.breakMinutes,
        decimal(paidMinutes(s) / 60),
        p?.name ?? 'OPEN',
        p?.employeeNumber ?? '',
        s.status,
        s.notes,
      ];
    });
  const text = toCsv(
    ['Date', 'Site', 'Service', 'Start', 'End', 'Break (min)', 'Paid hours', 'Staff', 'Employee number', 'Status', 'Notes'],
    rows,
  );
  return { filename: `rota-${siteLabel}-${weekStart}.csv`, mime: CSV_MIME, text };
};

/** A file-name part that keeps every letter and digit, Latin or not: `Łukasz 李雷` gives `łukasz-李雷`. */
const slug = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped. */
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');

/**
 * Content lines of at most 75 octets (RFC 5545 §3.1), split between characters, never inside one. The
 * library folds at 75 characters, which a line of é or 李 overruns, so its lines are unfolded and refolded.
 */
export const foldOctets = (ics: string): string =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let part = '';
      let room = 75;
      for (const ch of line) {
        const size = Buffer.byteLength(ch);
        if (size > room) {
          parts.push(part);
          part = '';
          room = 74;
        }
        part += ch;
        room -= size;
      }
      parts.push(part);
      return parts.join('\r\n ');
    })
    .join('\r\n');

/**
 * A person's shifts as an iCalendar file, times in UTC so any calendar app places them right. Each event
 * carries SEQUENCE (the shift's revision) and LAST-MODIFIED, so an edit replaces the copy a calendar holds;
 * `cancelled` are shifts that were this person's and have since been deleted or given to someone else:
 * they go out as STATUS:CANCELLED under the same UID, which takes them out of a calendar that imported them.
 */
export const personIcs = (
  person: Staff,
  shifts: readonly Shift[],
  cancelled: readonly Shift[],
  sites: readonly Site[],
  from: string,
  stamp: number,
): TextFile => {
  const byCode = new Map(sites.map((s) => [s.code, s]));
  const event = (s: Shift, gone: boolean): EventAttributes & { timestamp: number } => {
    const span = spanOf(s.date, s.start, s.end);
    const site = byCode.get(s.site);
    return {
      uid: `${s.id}@sitedesk`,
      sequence: s.rev,
      lastModified: Date.parse(s.updatedAt),
      start: span.start,
      end: span.end,
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${gone ? 'Cancelled: ' : ''}${SERVICE_LABEL[s.service]} at ${site?.name ?? s.site}`,
      location: site?.address,
      description: gone
        ? 'This shift is no longer yours: it was removed from the rota or given to someone else.'
        : [s.breakMinutes ? `Break ${s.breakMinutes} min` : '', s.status === 'draft' ? 'Draft: not yet published' : '', s.notes]
            .filter(Boolean)
            .join('\n') || undefined,
      status: gone ? 'CANCELLED' : s.status === 'published' ? 'CONFIRMED' : 'TENTATIVE',
      created: Date.parse(s.createdAt),
      // DTSTAMP from the app's clock; the library's own default would read the real one. It takes
      // `timestamp` though its types leave it out.
      timestamp: stamp,
    };
  };
  // The library writes the calendar name as given, so its commas are escaped here.
  const header = { productId: 'sitedesk/rota', calName: icsText(`${person.name} — SiteDesk rota`) };
  const { error, value } = createEvents([...shifts.map((s) => event(s, false)), ...cancelled.map((s) => event(s, true))], header);
  if (error || !value) throw new AppError('internal', `Could not write the calendar file: ${error?.message ?? 'no events'}`);
  return { filename: `rota-${slug(person.name)}-${from}.ics`, mime: 'text/calendar', text: foldOctets(value) };
};
