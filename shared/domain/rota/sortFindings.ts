/** One canonical order for findings, so a full check and a recheck give identical lists. */
import { RULE_IDS, type Finding } from './types';

const SEVERITY = { block: 0, warn: 1, info: 2 } as const;
const RULE_ORDER = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of sortFindings: negative when `a` comes first. */
export const compareFindings = (a: Finding, b: Finding): number =>
  SEVERITY[a.severity] - SEVERITY[b.severity] ||
  cmp(a.staffId ?? '', b.staffId ?? '') ||
  RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
  cmp(a.shiftIds.join(','), b.shiftIds.join(',')) ||
  cmp(a.message, b.message);

/** Findings sorted by severity, person, rule, shifts and message. */
export const sortFindings = (findings: Finding[]): Finding[] => findings.sort(compareFindings);
