/** Files out of the rota: a week as CSV for spreadsheets and payroll, a person's shifts as iCalendar. */
import { createEvents, type EventAttributes } from 'ics';
import { CSV_MIME } from '../../../shared/contract/define';
import { decimal, toCsv } from '../../../shared/domain/csv';
import { isoInstant } from '../../../shared/domain/dates';
import { paidMinutes } from '../../../shared/domain/rota';
import { spanOf } from '../../../shared/domain/rota/instants';
import type { TextFile } from '../../../shared/contract/define';
import { AppError } from '../../../shared/result';
import type { Shift } from '../../../shared/schemas/shift';
import type { Site } from '../../../shared/schemas/site';
import type { Staff } from '../../../shared/schemas/staff';

const SERVICE = { reception: 'Reception', security: 'Security', cleaning: 'Cleaning' } as const;

/** The week's shifts, one row each, in date, site and start order. */
export const weekCsv = (weekStart: string, siteLabel: string, shifts: readonly Shift[], staff: readonly Pick<Staff, 'id' | 'name' | 'employeeNumber'>[]): TextFile => {
  const people = new Map(staff.map((s) => [s.id, s]));
  const rows = [...shifts]
    .sort((a, b) => a.date.localeCompare(b.date) || a.site.localeCompare(b.site) || a.service.localeCompare(b.service) || a.start.localeCompare(b.start))
    .map((s) => {
      const p = s.staffId ? people.get(s.staffId) : undefined;
      const span = spanOf(s.date, s.start, s.end);
      return [s.date, s.site, SERVICE[s.service], isoInstant(span.start), isoInstant(span.end), s.breakMinutes, decimal(paidMinutes(s) / 60), p?.name ?? 'OPEN', p?.employeeNumber ?? '', s.status, s.notes];
    });
  const text = toCsv(['Date', 'Site', 'Service', 'Start', 'End', 'Break (min)', 'Paid hours', 'Staff', 'Employee number', 'Status', 'Notes'], rows);
  return { filename: `rota-${siteLabel}-${weekStart}.csv`, mime: CSV_MIME, text };
};

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A person's shifts as an iCalendar file, times in UTC so any calendar app places them right. */
export const personIcs = (person: Staff, shifts: readonly Shift[], sites: readonly Site[], from: string, stamp: number): TextFile => {
  const byCode = new Map(sites.map((s) => [s.code, s]));
  const events: EventAttributes[] = shifts.map((s) => {
    const span = spanOf(s.date, s.start, s.end);
    const site = byCode.get(s.site);
    return {
      uid: `${s.id}@sitedesk`,
      start: span.start,
      end: span.end,
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${SERVICE[s.service]} at ${site?.name ?? s.site}`,
      location: site?.address,
      description: [s.breakMinutes ? `Break ${s.breakMinutes} min` : '', s.status === 'draft' ? 'Draft: not yet published' : '', s.notes].filter(Boolean).join('\n') || undefined,
      status: s.status === 'published' ? 'CONFIRMED' : 'TENTATIVE',
      productId: 'sitedesk/rota',
      calName: `${person.name} — SiteDesk rota`,
      created: stamp,
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw new AppError('internal', `Could not write the calendar file: ${error?.message ?? 'no events'}`);
  return { filename: `rota-${slug(person.name)}-${from}.ics`, mime: 'text/calendar', text: value };
};
