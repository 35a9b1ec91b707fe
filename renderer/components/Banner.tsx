import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';

const ICONS = { info: Info, ok: CheckCircle2, warn: AlertTriangle, error: XCircle };
const LABELS = { info: 'Note', ok: 'Done', warn: 'Warning', error: 'Error' };

/** A status message: the tone is shown by an icon and a word as well as colour. */
export const Banner = ({ tone, children, action }: { tone: keyof typeof ICONS; children: ReactNode; action?: ReactNode }) => {
  const Icon = ICONS[tone];
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon aria-hidden size={18} />
      <div className="banner-body">
        <span className="visually-hidden">{LABELS[tone]}: </span>
        {children}
      </div>
      {action}
    </div>
  );
};
