import { AlertOctagon, AlertTriangle, Info } from 'lucide-react';
import type { Finding } from '../../../shared/domain/rota';
import { SEVERITY_LABEL } from './labels';

const ICON = { block: AlertOctagon, warn: AlertTriangle, info: Info };

/** Findings as a list a manager reads: an icon and a word for the severity, then the message. */
export const FindingList = ({ findings, empty }: { findings: readonly Finding[]; empty?: string }) => {
  if (findings.length === 0) return empty ? <p className="muted small">{empty}</p> : null;
  return (
    <ul className="findings">
      {findings.map((f, i) => {
        const Icon = ICON[f.severity];
        return (
          <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
            <Icon aria-hidden size={16} />
            <span>
              <strong>{SEVERITY_LABEL[f.severity]}:</strong> {f.message}
            </span>
          </li>
        );
      })}
    </ul>
  );
};
