import { format, parseISO } from 'date-fns';
import { daysBetween } from '../../dates';
import { dateGB, finding, shiftAtSite } from '../format';
import { lastDateOf } from '../instants';
import { licenceStatus, SECTOR_NAMES, sectorFits } from '../licence';
import type { PersonWeek } from '../personWeek';
import type { Entry } from '../rotaIndex';
import type { Finding } from '../types';
import { counted } from '../../counted';

// A night shift must be licensed until it ends, so the licence is tested on the shift's last date.
const lastDate = (e: Entry) => lastDateOf(e.shift);

/** `4 Nov`, with the year only when it is not the shift's. */
const expiryDay = (expires: string, shiftDate: string) =>
  format(parseISO(expires), expires.slice(0, 4) === shiftDate.slice(0, 4) ? 'd MMM' : 'd MMM yyyy');

/**
 * Says how long before the shift the licence ran out ("expired on 4 Nov, 33 days before this shift"), or,
 * for a night shift that starts on the last valid day, that it runs out before the shift ends.
 */
const expiredMessage = (name: string, expires: string, e: Entry): string => {
  const before = daysBetween(expires, e.shift.date);
  const when = `(${shiftAtSite(e.shift)})`;
  if (before <= 0)
    return `${name}'s SIA licence runs out at the end of ${expiryDay(expires, e.shift.date)}, before this shift ends ${when}`;
  return `${name}'s SIA licence expired on ${expiryDay(expires, e.shift.date)}, ${counted(before, 'day')} before this shift ${when}`;
};

// Basis: Private Security Industry Act 2001 s.3 (licensable conduct) and s.5 (using unlicensed operatives).
/** A security shift with no SIA licence valid for all of it. */
export const siaLicenceRule = (p: PersonWeek): Finding[] => {
  const out: Finding[] = [];
  for (const e of p.week) {
    if (e.shift.service !== 'security') continue;
    const { status } = licenceStatus(p.staff, lastDate(e), p.settings.licenceExpiryWarnDays);
    if (status === 'none')
      out.push(
        finding(
          'sia-licence',
          'block',
          p.staff.id,
          [e.shift.id],
          `${p.staff.name} has no SIA licence on record for ${shiftAtSite(e.shift)}`,
        ),
      );
    else if (status === 'expired')
      out.push(
        finding('sia-licence', 'block', p.staff.id, [e.shift.id], expiredMessage(p.staff.name, p.staff.sia!.expires, e), {
          unit: 'days',
          actual: licenceStatus(p.staff, lastDate(e)).daysLeft ?? 0,
          required: 0,
          kind: 'min',
          to: lastDate(e),
        }),
      );
  }
  return out;
};

// Basis: Private Security Industry Act 2001 s.3 and Sch. 2 (the activities each licence covers); SIA licence integration.
/**
 * A security shift whose post needs a licence sector the person's licence does not cover. The post's
 * sector is the site's security licence type; a site that names none needs Security Guarding.
 */
export const siaSectorRule = (p: PersonWeek): Finding[] => {
  const held = p.staff.sia?.sector;
  if (!held) return [];
  const out: Finding[] = [];
  for (const e of p.week) {
    if (e.shift.service !== 'security') continue;
    const needed = p.sites.get(e.shift.site)?.securityLicence ?? 'security-guarding';
    if (sectorFits(held, needed)) continue;
    out.push(
      finding(
        'sia-sector',
        'block',
        p.staff.id,
        [e.shift.id],
        `${p.staff.name} holds a ${SECTOR_NAMES[held]} licence, but ${shiftAtSite(e.shift)} needs ${SECTOR_NAMES[needed]}`,
      ),
    );
  }
  return out;
};

// Basis: Private Security Industry Act 2001 s.3; renewal takes weeks, so it is chased before it lapses.
/** Security shifts this week while the person's SIA licence is close to expiry. */
export const siaExpiringRule = (p: PersonWeek): Finding[] => {
  const expiring = p.week.filter(
    (e) => e.shift.service === 'security' && licenceStatus(p.staff, lastDate(e), p.settings.licenceExpiryWarnDays).status === 'expiring',
  );
  if (expiring.length === 0) return [];
  const { daysLeft } = licenceStatus(p.staff, expiring[0].shift.date, p.settings.licenceExpiryWarnDays);
  return [
    finding(
      'sia-expiring',
      'warn',
      p.staff.id,
      expiring.map((e) => e.shift.id),
      `${p.staff.name}'s SIA licence expires ${dateGB(p.staff.sia!.expires)} (${daysLeft} days after ${dateGB(expiring[0].shift.date)}); start the renewal`,
      {
        unit: 'days',
        actual: daysLeft ?? 0,
        required: p.settings.licenceExpiryWarnDays,
        kind: 'min',
        from: expiring[0].shift.date,
        to: p.staff.sia!.expires,
      },
    ),
  ];
};
