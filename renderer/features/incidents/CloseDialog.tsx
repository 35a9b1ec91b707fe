import { useState } from 'react';
import type { IncidentDetail } from '../../../shared/contract/incidents';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { FormDialog } from '../../components/FormDialog';
import { TextArea } from '../../components/TextArea';
import { useStore } from '../../store/appStore';
import { useUnlocked } from './useUnlocked';

/** Confirms closing: the outcome must be written, and what still blocks it is listed first. */
export const CloseDialog = ({ d, open, onOpenChange }: { d: IncidentDetail; open: boolean; onOpenChange: (open: boolean) => void }) => {
  const setIncidentStatus = useStore((s) => s.setIncidentStatus);
  const [outcome, setOutcome] = useState('');
  const unlocked = useUnlocked();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    const failure = await setIncidentStatus('closed', outcome);
    setErrors(fieldErrors(failure));
    if (!failure) onOpenChange(false);
  };
  return (
    <FormDialog
      open={open && unlocked}
      onOpenChange={onOpenChange}
      title={`Close ${d.incident.ref}?`}
      description="A closed incident is read-only. Later corrections can only be added as amendments."
      onSubmit={submit}
      submitLabel="Close incident"
    >
      {d.closeBlockers.length > 0 && (
        <Banner tone="warn">
          Before it can close:{' '}
          <ul>
            {d.closeBlockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Banner>
      )}
      {errors._ && !errors.outcome && <Banner tone="error">{errors._}</Banner>}
      <TextArea
        label="Outcome"
        rows={4}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={errors.outcome}
        hint="What was found and what was done about it"
        autoFocus
      />
    </FormDialog>
  );
};
