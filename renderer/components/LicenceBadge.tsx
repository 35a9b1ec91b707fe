import { AlertTriangle, BadgeCheck, Clock, MinusCircle, XCircle } from 'lucide-react';
import './licence.css';
import { formatDateGB } from '../../shared/domain/dates';
import type { LicenceState, LicenceStatus } from '../../shared/domain/directory';

const ICONS: Record<LicenceStatus, typeof XCircle> = {
  expired: XCircle,
  'expiring-30': AlertTriangle,
  'expiring-60': Clock,
  valid: BadgeCheck,
  none: MinusCircle,
};

/** What a licence's state says in words; the badge's colour and icon only repeat it. */
export const licenceText = ({ status, expires, daysLeft }: LicenceState): string => {
  if (status === 'none' || !expires) return 'No SIA licence';
  if (status === 'expired') return `SIA expired ${formatDateGB(expires)}`;
  if (status === 'valid') return `SIA valid to ${formatDateGB(expires)}`;
  return daysLeft === 0 ? 'SIA expires today' : `SIA expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
};

/**
 * A person's SIA licence as it stands (from `licenceStatusOn`). Use it wherever a person can be picked
 * for security work, so an expired licence is never shown by colour alone.
 */
export const LicenceBadge = ({ state }: { state: LicenceState }) => {
  const Icon = ICONS[state.status];
  return (
    <span className={`licence licence-${state.status}`}>
      <Icon aria-hidden size={14} />
      {licenceText(state)}
    </span>
  );
};
