import { useState } from 'react';
import { addDays, formatDayShort } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { CloseButton, PanelDialog } from '../../components/PanelDialog';
import { Field } from '../../components/Field';
import { useStoreFields } from '../../store/appStore';

/** Copies another week into the week shown; people away by then leave their shifts open. */
export const CopyWeekDialog = ({ onClose }: { onClose: () => void }) => {
  const { rotaWeek, rotaSite, copyWeekFrom } = useStoreFields('rotaWeek', 'rotaSite', 'copyWeekFrom');
  const [from, setFrom] = useState(addDays(rotaWeek, -7));
  const [override, setOverride] = useState('');
  const [error, setError] = useState<{ message: string; blocked: boolean } | null>(null);
  const submit = async () => {
    const { error: e } = await copyWeekFrom(from, override.trim() || null);
    if (e) setError({ message: e.message, blocked: e.code === 'blocked' });
    else onClose();
  };
  return (
    <PanelDialog
      onOpenChange={(o) => !o && onClose()}
      title="Copy a week"
      description={`Into the week of ${formatDayShort(rotaWeek)} for ${rotaSite ?? 'all sites'}, as drafts. People on leave or gone by then are left off, their shifts open.`}
      actions={
        <>
          <CloseButton label="Cancel" />
          <button type="button" className="btn btn-primary" onClick={() => void submit()}>
            Copy week
          </button>
        </>
      }
    >
      {error && <Banner tone="error">{error.message}</Banner>}
      <Field label="Copy the week containing" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      {error?.blocked && <Field label="Override reason" value={override} onChange={(e) => setOverride(e.target.value)} />}
    </PanelDialog>
  );
};
