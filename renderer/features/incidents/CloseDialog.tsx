import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import type { IncidentDetail } from '../../../shared/contract/incidents';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { TextArea } from '../../components/TextArea';
import { useStore } from '../../store/appStore';
import { useUnlocked } from './useUnlocked';

/** Confirms closing: the outcome must be written, and what still blocks it is listed first. */
export const CloseDialog = ({ d, open, onOpenChange }: { d: IncidentDetail; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const setIncidentStatus = useStore((s) => s.setIncidentStatus);
  const [outcome, setOutcome] = useState('');
  const unlocked = useUnlocked();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await setIncidentStatus('closed', outcome);
    setErrors(fieldErrors(failure));
    if (!failure) onOpenChange(false);
  };
  return (
    <Dialog.Root open={open && unlocked} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Close {d.incident.ref}?</Dialog.Title>
          <Dialog.Description className="muted">A closed incident is read-only. Later corrections can only be added as amendments.</Dialog.Description>
          <form onSubmit={submit} noValidate>
            {d.closeBlockers.length > 0 && (
              <Banner tone="warn">
                Before it can close: <ul>{d.closeBlockers.map((b) => <li key={b}>{b}</li>)}</ul>
              </Banner>
            )}
            {errors._ && !errors.outcome && <Banner tone="error">{errors._}</Banner>}
            <TextArea label="Outcome" rows={4} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={errors.outcome} hint="What was found and what was done about it" autoFocus />
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary">
                Close incident
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
