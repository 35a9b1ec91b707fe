import { AlertTriangle, CheckCircle2, CloudOff, KeyRound, RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import type { SyncStatus } from '../../../shared/contract/sync';
import { useStore } from '../../store/appStore';
import { conflictsText, syncText } from './labels';

const ICONS = { 'up-to-date': CheckCircle2, syncing: RefreshCw, offline: CloudOff, refused: KeyRound } as const;

/** Asks the sync service for its status every few seconds while mounted (i.e. while someone is signed in). */
export const useSyncPolling = (everyMs = 3_000) => {
  const load = useStore((s) => s.loadSyncStatus);
  useEffect(() => {
    void load();
    const t = window.setInterval(() => void load(), everyMs);
    return () => window.clearInterval(t);
  }, [load, everyMs]);
};

/** The sync state in words with an icon; nothing at all when this install is not pointed at a hub. */
export const SyncState = ({ status }: { status: SyncStatus | null }) => {
  const text = status ? syncText(status) : null;
  if (!status || status.state === 'off' || !text) return null;
  const Icon = ICONS[status.state];
  return (
    <span className={`sync-state sync-${status.state}`}>
      <Icon aria-hidden size={16} />
      {text}
    </span>
  );
};

/** The shell's always-visible sync line: a live region so a change of state is announced. */
export const SyncIndicator = () => {
  useSyncPolling();
  const status = useStore((s) => s.syncStatus);
  return (
    <div className="sync-indicator" role="status" aria-label="Sync">
      <SyncState status={status} />
    </div>
  );
};

/** A manager's way from the shell to the Conflicts panel, shown while any conflict waits. */
export const ConflictsLink = () => {
  const n = useStore((s) => s.syncStatus?.conflicts ?? 0);
  const go = useStore((s) => s.go);
  if (n === 0) return null;
  return (
    <button className="btn btn-quiet sync-conflicts-link" onClick={() => go('conflicts')}>
      <AlertTriangle aria-hidden size={16} /> {conflictsText(n)}
    </button>
  );
};
