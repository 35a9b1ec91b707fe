import { AlertOctagon, CheckCircle2, CircleDot, Search } from 'lucide-react';
import { SEVERITY_LABEL, STATUS_LABEL } from '../../../shared/domain/incidents';
import type { Incident } from '../../../shared/schemas/incident';

const STATUS_ICON = { open: CircleDot, investigating: Search, closed: CheckCircle2 };

/** An incident's status as icon and word, not colour alone. */
export const StatusBadge = ({ status }: { status: Incident['status'] }) => {
  const Icon = STATUS_ICON[status];
  return (
    <span className={`badge badge-${status}`}>
      <Icon aria-hidden size={14} /> {STATUS_LABEL[status]}
    </span>
  );
};

/** Severity as a word, with a mark for high and critical. */
export const SeverityBadge = ({ severity }: { severity: Incident['severity'] }) => (
  <span className={`sev sev-${severity}`}>
    {(severity === 'high' || severity === 'critical') && <AlertOctagon aria-hidden size={13} />} {SEVERITY_LABEL[severity]}
  </span>
);
