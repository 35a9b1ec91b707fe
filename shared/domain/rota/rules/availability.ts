import { withinAvailability } from '../statedAvailability';
import { finding, shiftAtSite } from '../format';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';

// Basis: company policy, not a statutory limit: people are rostered within the hours they offered.
/** A shift outside the hours the person said they can work. */
export const availabilityRule = (p: PersonWeek): Finding[] =>
  p.week
    .filter((e) => !withinAvailability(p.staff, e.shift))
    .map((e) =>
      finding('availability', 'warn', p.staff.id, [e.shift.id], `${shiftAtSite(e.shift)} is outside ${p.staff.name}'s stated availability`),
    );
