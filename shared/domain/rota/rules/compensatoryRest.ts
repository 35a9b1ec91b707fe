import { compensatoryDue } from '../compensatory';
import type { PersonWeek } from '../personWeek';
import type { Finding } from '../types';
import { breakRule } from './breaks';
import { dailyRestRule } from './dailyRest';
import { weeklyRestRule } from './weeklyRest';

/** The rules whose findings reg. 21(b) turns into compensatory rest owed. */
export const REG21_RULES = [dailyRestRule, weeklyRestRule, breakRule] as const;

// Basis: Working Time Regulations 1998 reg. 24 (compensatory rest where reg. 21 applies).
/** Compensatory rest owed that fell due in the week (the manager's period after it fell owed) without being given. */
export const compensatoryRestDueRule = (p: PersonWeek): Finding[] => compensatoryDue(p, REG21_RULES);
