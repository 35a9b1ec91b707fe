/**
 * Checks on a staff record beyond its schema. Errors stop a save; warnings are shown and saved with.
 * A person may work security without a licence on file (they may be waiting for it): that is a warning
 * here, and the rota blocks each security shift without a licence valid on its date.
 */
import { staffInputSchema, type Staff, type StaffInput } from '../../schemas/staff';
import { formatDateGB } from '../dates';
import { toFieldErrors, zodIssues, type FieldErrors, type PathIssue } from './fieldErrors';
import { licenceStatusOn } from './staffFilters';

export interface StaffValidation {
  errors: FieldErrors;
  warnings: FieldErrors;
}

export interface StaffRuleOptions {
  /** Today at the sites (yyyy-mm-dd). */
  todayIso: string;
  /** Known site codes; when given, home and familiar sites must be among them. */
  siteCodes?: readonly string[];
}

/** Employee numbers compare without case or surrounding spaces, as HR systems differ on both. */
export const employeeNumberKey = (employeeNumber: string): string => employeeNumber.trim().toUpperCase();

/** The person already holding `employeeNumber`, other than the one being edited; archived people count. */
export const employeeNumberClash = (employeeNumber: string, existing: readonly Staff[], selfId?: string): Staff | undefined => {
  const key = employeeNumberKey(employeeNumber);
  return existing.find((s) => s.id !== selfId && employeeNumberKey(s.employeeNumber) === key);
};

/** Whole years from `dob` to `isoDate`; born on 29 February, a person gains a year on 1 March in other years. */
export const ageOn = (dob: string, isoDate: string): number =>
  Number(isoDate.slice(0, 4)) - Number(dob.slice(0, 4)) - (isoDate.slice(5) < dob.slice(5) ? 1 : 0);

/** Date- and site-dependent rules for a schema-valid record, as path issues. */
export const staffRuleIssues = (
  input: StaffInput,
  { todayIso, siteCodes }: StaffRuleOptions,
): { errors: PathIssue[]; warnings: PathIssue[] } => {
  const errors: PathIssue[] = [];
  const warnings: PathIssue[] = [];

  if (input.dateOfBirth) {
    const born = formatDateGB(input.dateOfBirth);
    if (input.dateOfBirth > todayIso) errors.push({ path: 'dateOfBirth', message: 'The date of birth is after today' });
    else if (ageOn(input.dateOfBirth, todayIso) < 18 && !input.youngWorker)
      errors.push({ path: 'youngWorker', message: `Born ${born}, so under 18: tick young worker so their limits are checked` });
    else if (ageOn(input.dateOfBirth, todayIso) >= 18 && input.youngWorker)
      errors.push({ path: 'youngWorker', message: `Born ${born}, so 18 or over: untick young worker` });
  }

  if (input.optOut) {
    if (input.optOut.signed > todayIso) errors.push({ path: 'optOut.signed', message: 'The opt-out cannot be signed after today' });
    // The opt-out lifts the 48-hour average; a young worker's 8 h / 40 h limits cannot be opted out of.
    if (input.youngWorker)
      warnings.push({ path: 'optOut', message: 'A young worker cannot opt out of their 8 h a day and 40 h a week limits' });
  }

  if (input.services.includes('security')) {
    const { status, expires, daysLeft } = licenceStatusOn(input, todayIso);
    if (!expires) warnings.push({ path: 'sia', message: 'No SIA licence: they cannot be put on security shifts until one is added' });
    else if (status === 'expired')
      warnings.push({
        path: 'sia.expires',
        message: `The SIA licence expired on ${formatDateGB(expires)}: no security shifts until it is renewed`,
      });
    else if (status !== 'valid')
      warnings.push({ path: 'sia.expires', message: `The SIA licence expires on ${formatDateGB(expires)} (${daysLeft} days left)` });
  }

  if (siteCodes) {
    if (input.homeSite && !siteCodes.includes(input.homeSite))
      errors.push({ path: 'homeSite', message: `There is no site ${input.homeSite}` });
    input.familiarSites.forEach((code, i) => {
      if (!siteCodes.includes(code)) errors.push({ path: `familiarSites.${i}`, message: `There is no site ${code}` });
    });
  }
  return { errors, warnings };
};

/** Errors and warnings for a staff form; `selfId` is the record's id when editing. */
export const validateStaff = (
  input: StaffInput,
  existing: readonly Staff[],
  options: StaffRuleOptions & { selfId?: string },
): StaffValidation => {
  const parsed = staffInputSchema.safeParse(input);
  const errors: PathIssue[] = parsed.success ? [] : zodIssues(parsed.error);
  const clash = typeof input.employeeNumber === 'string' ? employeeNumberClash(input.employeeNumber, existing, options.selfId) : undefined;
  if (clash)
    errors.push({
      path: 'employeeNumber',
      message: `Employee number ${clash.employeeNumber} already belongs to ${clash.name}${clash.archived ? ' (archived)' : ''}`,
    });
  // The rules read parsed fields, so they wait until the record has the schema's shape.
  const rules = parsed.success ? staffRuleIssues(parsed.data, options) : { errors: [], warnings: [] };
  return { errors: toFieldErrors([...errors, ...rules.errors]), warnings: toFieldErrors(rules.warnings) };
};
