import { Dialog } from 'radix-ui';
import { CloseButton } from '../../components/PanelDialog';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import './incidents.css';
import { londonToday } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { fieldErrors } from '../../components/errors';
import { useStoreFields } from '../../store/appStore';
import { fromDraft, skippedTimeErrors, toDraft, type IncidentDraft } from './incidentDraft';
import { IncidentFields } from './IncidentFields';
import { useUnlocked } from './useUnlocked';
import { PhotoDrop } from './PhotoDrop';
import { QUICK_PICKS, type QuickPick } from './quickPicks';
import { useIncidentHelpers } from './useIncidentHelpers';

/** The quick "record an incident" form, opened from any screen with the button or Ctrl+I / Alt+N. */
export const NewIncidentDialog = () => {
  const { newIncident, cancelNewIncident } = useStoreFields('newIncident', 'cancelNewIncident');
  const unlocked = useUnlocked();
  return (
    <Dialog.Root open={newIncident.open && unlocked} onOpenChange={(open) => !open && cancelNewIncident()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide" aria-describedby="new-incident-desc">
          {newIncident.open && unlocked && <NewIncidentForm draft={newIncident.draft} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};

const NewIncidentForm = ({ draft: initial }: { draft: Parameters<typeof toDraft>[0] | null }) => {
  const { auth, sites, loadSites, createIncident, today } = useStoreFields('auth', 'sites', 'loadSites', 'createIncident', 'today');
  const user = auth?.user;
  // Opened from a screen that never loaded the sites (Today, with Ctrl+I): load them here, and until
  // they arrive offer the user's own site codes, so the box starts as their site rather than blank.
  useEffect(() => {
    if (sites.status === 'idle' || sites.status === 'error') void loadSites();
  }, [sites.status, loadSites]);
  const siteList = sites.status === 'ready' ? sites.data : (user?.sites ?? []).map((code) => ({ code, name: code }));
  const [now] = useState(() => Date.now());
  const [draft, setDraft] = useState<IncidentDraft>(() =>
    toDraft(
      { reportedBy: user?.displayName, ...initial },
      {
        site: user?.sites[0] ?? (today.status === 'ready' ? today.data.site.code : siteList[0]?.code) ?? '',
        nowIso: new Date(now).toISOString(),
        me: user?.displayName ?? '',
      },
    ),
  );
  // With no site of their own (a manager), the first site once the list is in.
  const shown = draft.site ? draft : { ...draft, site: siteList[0]?.code ?? '' };
  const helpers = useIncidentHelpers(shown.site);
  const [picked, setPicked] = useState<QuickPick['id'] | null>(null);
  const pick = (q: QuickPick) => {
    setPicked(q.id);
    // The first line is offered only while nothing is written; what someone typed is never replaced.
    const starter = QUICK_PICKS.some((p) => p.details === draft.details) || !draft.details.trim();
    setDraft({ ...draft, category: q.category, severity: q.severity, details: starter ? q.details : draft.details });
    // Picking a kind means describing it next: the cursor goes to the end of "What happened".
    requestAnimationFrame(() => {
      const details = document.querySelector<HTMLTextAreaElement>('[data-field="details"]');
      details?.focus();
      details?.setSelectionRange(details.value.length, details.value.length);
    });
  };
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // Ctrl+Enter submits even while the Save button is disabled: a second press before the first save
  // returns must not record the incident again under the next reference (incidents are never deleted).
  const inFlight = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (inFlight.current) return;
    const skipped = skippedTimeErrors(draft);
    if (Object.keys(skipped).length) return setErrors(skipped);
    inFlight.current = true;
    setSaving(true);
    const r = await createIncident(fromDraft(shown), photos);
    inFlight.current = false;
    setSaving(false);
    if ('ok' in r) setErrors(fieldErrors(r));
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-keyshortcuts="Control+Enter"
      onKeyDown={(e) => {
        // Keyboard all the way: Alt+1…4 pick a common kind, Ctrl+Enter saves from any field.
        const n = e.altKey && !e.ctrlKey ? Number(e.key) : NaN;
        if (n >= 1 && n <= QUICK_PICKS.length) {
          e.preventDefault();
          pick(QUICK_PICKS[n - 1]);
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <Dialog.Title>Record an incident</Dialog.Title>
      <Dialog.Description id="new-incident-desc" className="muted">
        Site, time and reporter start as yours and now. Alt+1–4 pick a common kind; Ctrl+Enter saves. A reference is given when you save.
      </Dialog.Description>
      {errors._ && <Banner tone="error">{errors._}</Banner>}
      <IncidentFields
        draft={shown}
        onChange={setDraft}
        errors={errors}
        sites={siteList}
        today={londonToday(now)}
        helpers={helpers}
        picked={picked}
        onPick={pick}
      />
      <fieldset className="form-section">
        <legend>Photos</legend>
        <PhotoDrop onFiles={(files) => setPhotos([...photos, ...files])} />
        {photos.length > 0 && (
          <ul className="file-list" aria-label="Photos to attach">
            {photos.map((f, n) => (
              <li key={`${f.name}-${n}`}>
                {f.name}{' '}
                <button type="button" className="btn btn-quiet" onClick={() => setPhotos(photos.filter((_, i) => i !== n))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="dialog-actions sticky-actions">
        <CloseButton label="Cancel" />
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save incident'}
        </button>
      </div>
    </form>
  );
};
