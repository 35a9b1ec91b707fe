import { useEffect, useRef, useState } from 'react';
import { formatWhenGB } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { download } from '../../components/download';
import { Field } from '../../components/Field';
import { formatBytes, readFileBase64 } from '../../components/files';
import { useStoreFields } from '../../store/appStore';
import { TableHead } from '../../components/TableHead';

// The storage layer names why it took a backup in a word; people read a sentence.
const REASONS: Record<string, string> = {
  start: 'SiteDesk started',
  close: 'SiteDesk closed',
  scheduled: 'Every 30 minutes, after changes',
};

type Msg = { tone: 'ok' | 'error' | 'info'; text: string } | null;
type Pending = { kind: 'backup'; id: string; at: string } | { kind: 'file'; name: string; file: string; passphrase: string } | null;

/** Rolling backups: see them, take one now, restore one (undoably), and move everything to a new laptop. */
export const BackupsView = () => {
  const { backups, loadBackups, takeBackup, restoreBackup, exportBackupFile, restoreBackupFile } = useStoreFields(
    'backups',
    'loadBackups',
    'takeBackup',
    'restoreBackup',
    'exportBackupFile',
    'restoreBackupFile',
  );
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [exportPass, setExportPass] = useState({ passphrase: '', again: '' });
  const [restorePass, setRestorePass] = useState('');
  const [chosen, setChosen] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const run = async (label: string, work: () => Promise<Msg>) => {
    setBusy(label);
    setMsg({ tone: 'info', text: `${label}…` });
    setMsg(await work());
    setBusy(null);
  };
  const restored = (undoId: string | null, files: number, what: string): Msg => ({
    tone: 'ok',
    text: `Restored ${what} (${files} files).${undoId ? ' The data as it was just before is kept as the newest backup (“Before restoring…”): restore that to undo.' : ''}`,
  });
  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (p?.kind === 'backup')
      await run('Restoring', async () => {
        const r = await restoreBackup(p.id);
        return r.ok ? restored(r.data.undoId, r.data.files, `the backup of ${formatWhenGB(p.at)}`) : { tone: 'error', text: r.message };
      });
    if (p?.kind === 'file')
      await run('Restoring', async () => {
        const r = await restoreBackupFile(p.file, p.passphrase);
        return r.ok ? restored(r.data.undoId, r.data.files, p.name) : { tone: 'error', text: r.message };
      });
  };
  const chooseFile = async () => {
    if (!chosen) return setMsg({ tone: 'error', text: 'Choose the backup file to restore.' });
    if (!restorePass) return setMsg({ tone: 'error', text: 'Enter the passphrase the backup file was exported with.' });
    setPending({ kind: 'file', name: chosen.name, file: await readFileBase64(chosen), passphrase: restorePass });
    setChosen(null);
    setRestorePass('');
    if (input.current) input.current.value = '';
  };
  const exportMismatch = exportPass.again !== '' && exportPass.again !== exportPass.passphrase;

  return (
    <section aria-labelledby="backups-title">
      <header className="page-head">
        <h1 id="backups-title">Backups</h1>
        <p className="muted">Taken when SiteDesk starts and every 30 minutes while things change; kept for a year.</p>
      </header>
      <div className="stack">
        {msg && <Banner tone={msg.tone}>{msg.text}</Banner>}
        <section className="card" aria-labelledby="backup-list-title">
          <div className="card-head">
            <h2 id="backup-list-title">Backups on this computer</h2>
            <button
              className="btn btn-primary"
              disabled={busy !== null}
              onClick={() =>
                void run('Taking a backup', async () => {
                  const r = await takeBackup();
                  return r.ok ? { tone: 'ok', text: `Backup taken (${formatBytes(r.data.bytes)}).` } : { tone: 'error', text: r.message };
                })
              }
            >
              Back up now
            </button>
          </div>
          {backups.status === 'error' && <Banner tone="error">{backups.message}</Banner>}
          {backups.status === 'ready' && backups.data.length === 0 && <p className="empty">No backups yet.</p>}
          {backups.status === 'ready' && backups.data.length > 0 && (
            <table className="table">
              <TableHead columns={['Taken', 'Why', 'Files', 'Size']} hidden="Actions" />
              <tbody>
                {backups.data.map((b) => (
                  <tr key={b.id}>
                    <td className="strong">{formatWhenGB(b.at)}</td>
                    <td>{REASONS[b.reason] ?? b.reason}</td>
                    <td>{b.files}</td>
                    <td>{formatBytes(b.bytes)}</td>
                    <td>
                      <button
                        className="btn btn-quiet"
                        disabled={busy !== null}
                        onClick={() => setPending({ kind: 'backup', id: b.id, at: b.at })}
                        aria-label={`Restore the backup of ${formatWhenGB(b.at)}`}
                      >
                        Restore
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="move-title">
          <h2 id="move-title">Move to a new laptop</h2>
          <p className="muted">
            One file holds every record and photo, encrypted under a passphrase you choose. Keep the file and the passphrase apart: without
            the passphrase nobody, SiteDesk included, can open the file.
          </p>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (exportMismatch) return;
              void run('Exporting the data folder', async () => {
                const r = await exportBackupFile(exportPass.passphrase);
                if (!r.ok) return { tone: 'error', text: r.message };
                download(r.data);
                setExportPass({ passphrase: '', again: '' });
                return { tone: 'ok', text: `Saved ${r.data.filename} (${formatBytes(r.data.bytes)}).` };
              });
            }}
          >
            <Field
              label="Passphrase for the backup file"
              hint="At least 10 characters"
              type="password"
              autoComplete="new-password"
              value={exportPass.passphrase}
              onChange={(e) => setExportPass({ ...exportPass, passphrase: e.target.value })}
            />
            <Field
              label="Type the passphrase again"
              type="password"
              autoComplete="new-password"
              value={exportPass.again}
              onChange={(e) => setExportPass({ ...exportPass, again: e.target.value })}
              error={exportMismatch ? 'The two passphrases differ' : undefined}
            />
            <div className="actions">
              <button className="btn" type="submit" disabled={busy !== null || exportMismatch}>
                Export the whole data folder as one backup file
              </button>
            </div>
          </form>
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void chooseFile();
            }}
          >
            <div className="field">
              <label htmlFor="backup-file">Restore from a backup file (.sitedesk-backup)</label>
              <input
                id="backup-file"
                ref={input}
                type="file"
                accept=".sitedesk-backup"
                disabled={busy !== null}
                onChange={(e) => setChosen(e.target.files?.[0] ?? null)}
              />
            </div>
            <Field
              label="The backup file’s passphrase"
              type="password"
              autoComplete="off"
              value={restorePass}
              onChange={(e) => setRestorePass(e.target.value)}
            />
            <div className="actions">
              <button className="btn" type="submit" disabled={busy !== null}>
                Restore from the file…
              </button>
            </div>
          </form>
        </section>
      </div>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={pending?.kind === 'file' ? `Restore from ${pending.name}?` : 'Restore this backup?'}
        confirm="Restore"
        onConfirm={() => void confirm()}
      >
        <p>
          Everything in SiteDesk will be replaced by{' '}
          {pending?.kind === 'backup' ? `the backup of ${formatWhenGB(pending.at)}` : 'the contents of that file'}. A backup of the data as
          it is now is taken first, so you can undo this by restoring it.
        </p>
      </ConfirmDialog>
    </section>
  );
};
