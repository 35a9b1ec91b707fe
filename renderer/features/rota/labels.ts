/** Words the planner shows for services, severities and people. */
import type { Finding } from '../../../shared/domain/rota';
import type { StaffView } from '../../../shared/contract/staff';

export { SERVICE_LABEL } from '../../../shared/domain/serviceLabel';

export const SEVERITY_LABEL = { block: 'Blocked', warn: 'Warning', info: 'Note' } as const;

/** The worst severity among findings, or null. */
export const worst = (findings: readonly Finding[]): Finding['severity'] | null =>
  findings.some((f) => f.severity === 'block')
    ? 'block'
    : findings.some((f) => f.severity === 'warn')
      ? 'warn'
      : findings.length
        ? 'info'
        : null;

/** A person's name by id, with a fallback for someone no longer on the list. */
export const nameOf = (staff: ReadonlyMap<string, StaffView>, id: string | null): string =>
  id === null ? 'OPEN' : (staff.get(id)?.name ?? 'Unknown person');
