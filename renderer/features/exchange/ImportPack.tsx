import { useRef } from 'react';
import type { ImportOutcome } from '../../../shared/domain/sync/merge';
import { formatDateGB, formatWhenGB } from '../../../shared/domain/dates';
import { Banner } from '../../components/Banner';
import { readFileBase64 } from '../../components/files';
import { useStoreFields } from '../../store/appStore';
import './exchange.css';
import { refusalHeading } from './refusalHeading';
import { counted } from '../../../shared/domain/counted';

const OUTCOME: Record<ImportOutcome, string> = { added: 'Added', changed: 'Changed', unchanged: 'Unchanged', conflict: 'Conflict' };
const KIND: Record<string, string> = {
  sites: 'Site',
  staff: 'Staff',
  shifts: 'Shift',
  attendance: 'Attendance',
  incidents: 'Incident',
  log: 'Log entry',
};

/** Import a pack: choose the file, see what it would change, then apply it in one step or cancel. */
export const ImportPack = () => {
  const { importState: s, previewPack, applyPack, resetImport } = useStoreFields('importState', 'previewPack', 'applyPack', 'resetImport');
  const input = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    await previewPack(file.name, await readFileBase64(file));
    if (input.current) input.current.value = '';
  };
  const preview = s.status === 'preview' || s.status === 'applying' ? s.preview : null;
  const listed = preview?.rows.filter((r) => r.outcome !== 'unchanged') ?? [];
  // The rows come sorted by kind, site and time; the first 300 are listed under their group's heading.
  const groups = new Map<string, typeof listed>();
  for (const r of listed.slice(0, 300)) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const inGroup = new Map<string, number>();
  for (const r of listed) inGroup.set(r.group, (inGroup.get(r.group) ?? 0) + 1);

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a pack</h2>
      <p className="muted">Nothing changes until you have seen what the pack holds and chosen Apply.</p>
      <div className="field">
        <label htmlFor="pack-file">Pack file (.sitedesk-pack)</label>
        <input
          id="pack-file"
          ref={input}
          type="file"
          accept=".sitedesk-pack"
          onChange={(e) => void choose(e.target.files?.[0])}
          disabled={s.status === 'reading' || s.status === 'applying'}
        />
      </div>
      {s.status === 'reading' && <p role="status">Checking {s.fileName}…</p>}
      {s.status === 'error' && (
        <Banner tone="error">
          <strong>{refusalHeading(s.fileName, s.message)}</strong> {s.message}
        </Banner>
      )}
      {s.status === 'done' && (
        <Banner
          tone="ok"
          action={
            <button className="btn btn-quiet" onClick={resetImport}>
              Done
            </button>
          }
        >
          Imported {s.fileName}: {s.result.counts.added} added, {s.result.counts.changed} changed, {s.result.counts.conflict} conflicts
          kept, {s.result.counts.unchanged} unchanged.
        </Banner>
      )}
      {preview && (
        <section className="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">Preview of {s.status === 'preview' || s.status === 'applying' ? s.fileName : ''}</h3>
          <p>
            A {preview.manifest.kind === 'rota' ? 'rota pack' : 'activity pack'} for {preview.manifest.sites.join(', ')},{' '}
            {formatDateGB(preview.manifest.from)} to {formatDateGB(preview.manifest.to)}, made by {preview.manifest.createdBy} on{' '}
            {formatWhenGB(preview.manifest.createdAt)}.
          </p>
          <ul className="counts" aria-label="What the import would do">
            {(Object.keys(OUTCOME) as ImportOutcome[]).map((o) => (
              <li key={o} className={`count count-${o}`}>
                <strong>{preview.counts[o]}</strong> {o === 'conflict' && preview.counts[o] !== 1 ? 'conflicts' : OUTCOME[o].toLowerCase()}
              </li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <Banner key={w} tone="warn">
              {w}
            </Banner>
          ))}
          {preview.counts.conflict > 0 && (
            <Banner tone="warn">
              Conflicts: the record was edited here and in the pack. The later edit is kept and the other is saved in its history, so
              nothing is lost.
            </Banner>
          )}
          {listed.length > 0 ? (
            <table className="table preview-table">
              <caption className="visually-hidden">Records the import adds or changes, by kind and site</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Who</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              {[...groups].map(([group, rows]) => (
                <tbody key={group}>
                  <tr className="preview-group">
                    <th scope="rowgroup" colSpan={4}>
                      {group} · {inGroup.get(group)}
                    </th>
                  </tr>
                  {rows.map((r) => (
                    <tr key={`${r.kind}/${r.id}`}>
                      <td>{KIND[r.kind]}</td>
                      <td>{r.label}</td>
                      <td>{r.who ?? ''}</td>
                      <td>
                        <span className={`tag tag-${r.outcome}`}>{OUTCOME[r.outcome]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          ) : (
            <p className="empty">Everything in this pack is already here. Applying it changes nothing.</p>
          )}
          {listed.length > 300 && <p className="muted">…and {listed.length - 300} more.</p>}
          {/* Apply stays in view however long the list: the bar sticks to the bottom of the window. */}
          <div className="dialog-actions preview-actions">
            <span className="muted">{counted(listed.length, 'record')} to add or change</span>
            <button className="btn" onClick={resetImport} disabled={s.status === 'applying'}>
              Cancel
            </button>
            <button className="btn btn-primary" onClick={() => void applyPack()} disabled={s.status === 'applying'}>
              {s.status === 'applying' ? 'Applying…' : 'Apply'}
            </button>
          </div>
        </section>
      )}
    </section>
  );
};
