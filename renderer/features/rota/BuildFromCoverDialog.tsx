import { useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { useStore } from '../../store/appStore';
import { useShallow } from 'zustand/react/shallow';
import { isErr } from './rotaSlice';
import { ScopeFields, scopeError, weekScope, type Scope } from './ScopeFields';
import { counted } from '../../../shared/domain/counted';

/** Creates the open shifts the chosen sites' cover needs, from their patterns, templates and sensible lengths. */
export const BuildFromCoverDialog = ({ onClose }: { onClose: () => void }) => {
  const { rotaWeek, rotaSite, buildFromCover } = useStore(
    useShallow((s) => ({ rotaWeek: s.rotaWeek, rotaSite: s.rotaSite, buildFromCover: s.buildFromCover })),
  );
  const [scope, setScope] = useState<Scope>(weekScope(rotaWeek, rotaSite));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const wrong = scopeError(scope);
    if (wrong) return setError(wrong);
    setBusy(true);
    const r = await buildFromCover(scope.from, scope.to, scope.sites.length ? scope.sites : null);
    setBusy(false);
    if (isErr(r)) return setError(r.message);
    const n = r.after.length;
    const how = [
      r.bySource.pattern && `${r.bySource.pattern} from patterns`,
      r.bySource.template && `${r.bySource.template} from templates`,
      r.bySource.cover && `${r.bySource.cover} from the cover needed`,
    ].filter(Boolean);
    useStore.setState({
      rotaNotice: {
        tone: 'ok',
        text:
          n === 0
            ? 'Nothing to build: the shifts on the rota already meet the cover.'
            : `Built ${counted(n, 'open shift')} (${how.join(', ')}). Undo with Ctrl+Z.`,
      },
    });
    onClose();
  };
  return (
    <FormDialog
      onOpenChange={(o) => !o && onClose()}
      title="Build from cover"
      description={
        <>
          Creates open draft shifts for the cover each site needs: its patterns first (a 4-on-4-off rota, say), then its templates, then
          12-hour days and nights where security runs round the clock and shifts of at most 8 hours elsewhere. Shifts already on the rota
          count, so nothing is made twice.
        </>
      }
      onSubmit={submit}
      submitLabel={busy ? 'Building…' : 'Build shifts'}
      busy={busy}
      error={error}
      wide
    >
      <ScopeFields scope={scope} onChange={setScope} idPrefix="build" />
    </FormDialog>
  );
};
