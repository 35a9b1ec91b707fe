/**
 * Everything wrong with a site form at once, as field errors. Site codes are unique across archived
 * sites too: incident references and history name sites by code, so a code is never reused.
 */
import { SERVICES, type Service } from '../../schemas/common';
import { siteInputSchema, type Site, type SiteInput } from '../../schemas/site';
import { validateCover, DAY_KEYS } from './coverWindows';
import { toFieldErrors, zodIssues, type FieldErrors, type PathIssue } from './fieldErrors';
import { validateOpeningHours } from './openingHours';
import { SERVICE_LABEL } from '../serviceLabel';

const hasCover = (input: SiteInput, service: Service): boolean => DAY_KEYS.some((day) => (input.cover?.[service]?.[day]?.length ?? 0) > 0);

/** The site already using `code` (any case), other than the one being edited. */
export const siteCodeClash = (code: string, existing: readonly Site[], selfId?: string): Site | undefined => {
  const key = code.trim().toUpperCase();
  return existing.find((s) => s.id !== selfId && s.code.toUpperCase() === key);
};

/** Field errors for a site being added (or edited, when `selfId` is its id); empty when it can be saved. */
export const validateSite = (input: SiteInput, existing: readonly Site[], selfId?: string): FieldErrors => {
  const issues: PathIssue[] = [];
  const parsed = siteInputSchema.safeParse(input);
  if (!parsed.success) issues.push(...zodIssues(parsed.error));

  const clash = typeof input.code === 'string' ? siteCodeClash(input.code, existing, selfId) : undefined;
  if (clash)
    issues.push({ path: 'code', message: `Code ${clash.code} is already used by ${clash.name}${clash.archived ? ' (archived)' : ''}` });

  const services = input.services ?? [];
  services.forEach((s, i) => {
    if (services.indexOf(s) !== i) issues.push({ path: `services.${i}`, message: `${SERVICE_LABEL[s]} is listed twice` });
  });
  for (const service of SERVICES) {
    const runs = services.includes(service);
    const covered = hasCover(input, service);
    // Cover for a service nobody is rostered on would show as a permanent gap; a service with no cover
    // would never show one. Either way the site's rota and its gaps would disagree.
    if (covered && !runs)
      issues.push({ path: `cover.${service}`, message: `${SERVICE_LABEL[service]} cover is set, but the site does not run ${service}` });
    if (runs && !covered)
      issues.push({ path: `cover.${service}`, message: `${SERVICE_LABEL[service]} is run here: add the cover it needs` });
  }
  if (input.cover)
    issues.push(
      ...validateCover(
        input.cover,
        services.filter((s) => SERVICES.includes(s)),
      ),
    );
  if (input.opening) issues.push(...validateOpeningHours(input.opening));
  return toFieldErrors(issues);
};
