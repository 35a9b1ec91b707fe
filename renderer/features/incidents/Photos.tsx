import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import type { IncidentDetail } from '../../../shared/contract/incidents';
import { Banner } from '../../components/Banner';
import { useStoreFields } from '../../store/appStore';
import { PhotoDrop } from './PhotoDrop';
import { useUnlocked } from './useUnlocked';

/** An incident's photos as thumbnails, each opening full size; more can be added until it closes. */
export const Photos = ({ d }: { d: IncidentDetail }) => {
  const { photoUrl, addPhotos, photoError } = useStoreFields('photoUrl', 'addPhotos', 'photoError');
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlocked = useUnlocked();
  const photos = d.incident.photos;
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const p of photos) {
        const url = await photoUrl(p.id);
        if (live && url) setUrls((u) => ({ ...u, [p.id]: url }));
      }
    })();
    return () => {
      live = false;
    };
  }, [photos, photoUrl]);
  const big = photos.find((p) => p.id === shown);
  return (
    <section className="card" aria-labelledby="photos-title">
      <h2 id="photos-title">Photos ({photos.length})</h2>
      {(error ?? photoError) && <Banner tone="error">{error ?? photoError}</Banner>}
      {photos.length === 0 && <p className="muted">No photos.</p>}
      <ul className="thumbs">
        {photos.map((p) => (
          <li key={p.id}>
            <button className="thumb" onClick={() => setShown(p.id)} aria-label={`Show ${p.name} full size`}>
              {urls[p.id] ? <img src={urls[p.id]} alt={p.name} /> : <span className="muted small">Loading…</span>}
            </button>
            <span className="small muted">{p.name}</span>
          </li>
        ))}
      </ul>
      {d.incident.status !== 'closed' && !d.locked && (
        <PhotoDrop
          disabled={busy}
          onFiles={async (files) => {
            setBusy(true);
            setError((await addPhotos(files))?.message ?? null);
            setBusy(false);
          }}
        />
      )}
      <Dialog.Root open={Boolean(big) && unlocked} onOpenChange={(o) => !o && setShown(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog dialog-photo" aria-describedby={undefined}>
            <Dialog.Title>{big?.name}</Dialog.Title>
            {big && urls[big.id] && <img className="full-photo" src={urls[big.id]} alt={big.name} />}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button className="btn">Close</button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  );
};
