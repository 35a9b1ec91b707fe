import { FileDown, FileUp } from 'lucide-react';
import { useRef, useState } from 'react';
import { STAFF_CSV_COLUMNS, STAFF_CSV_TEMPLATE, type StaffCsvResult } from '../../../shared/domain/directory';
import { Banner } from '../../components/Banner';
import { useStoreFields } from '../../store/appStore';
import { CSV_MIME } from '../../../shared/contract/define';
import { decodeCsvFile } from '../../../shared/domain/csv';
import { download } from '../../components/download';
import { BackButton } from '../../components/BackButton';
import './staff.css';
import { counted } from '../../../shared/domain/counted';

type Step =
  | { status: 'editing' }
  | { status: 'checking' }
  | { status: 'preview'; result: StaffCsvResult; checked: string }
  | { status: 'importing' }
  | { status: 'error'; message: string };

/** "The row has errors", "1 of 3 rows has errors", "2 of 3 rows have errors". */
const rowsWithErrors = (bad: number, total: number): string =>
  total === 1 ? 'The row has errors' : `${bad} of ${total} rows ${bad === 1 ? 'has' : 'have'} errors`;

/** HR's staff file in: paste or choose it, see every row's problems, fix, and import only on confirm, all or nothing. */
export const ImportView = () => {
  const { previewImport, importStaff, go } = useStoreFields('previewImport', 'importStaff', 'go');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ status: 'editing' });
  const [done, setDone] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const check = async (csv = text) => {
    setStep({ status: 'checking' });
    setDone(null);
    const r = await previewImport(csv);
    setStep(r.ok ? { status: 'preview', result: r.data, checked: csv } : { status: 'error', message: r.message });
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    // Not file.text(): that reads Excel's Windows-1252 "CSV (Comma delimited)" as UTF-8 and loses every accent.
    const csv = decodeCsvFile(new Uint8Array(await file.arrayBuffer()));
    setFileName(file.name);
    setText(csv);
    await check(csv);
  };
  const confirm = async (csv: string) => {
    setStep({ status: 'importing' });
    const r = await importStaff(csv);
    if (!r.ok) return setStep({ status: 'error', message: r.message });
    setDone(r.data.imported);
    setText('');
    setFileName(null);
    setStep({ status: 'editing' });
  };

  const preview = step.status === 'preview' ? step : null;
  const stale = preview !== null && preview.checked !== text;
  const bad = preview ? preview.result.rows.filter((r) => r.errors.length > 0) : [];
  // Every column the file gave, in the import's order, so each value can be checked before it is saved.
  const shownColumns = preview ? STAFF_CSV_COLUMNS.filter((c) => preview.result.rows.some((r) => r.values[c.key] !== undefined)) : [];

  return (
    <section aria-labelledby="import-title">
      <BackButton label="All staff" onClick={() => go('staff')} />
      <header className="page-head">
        <h1 id="import-title">Import staff from CSV</h1>
      </header>
      {done !== null && (
        <Banner
          tone="ok"
          action={
            <button className="btn btn-quiet btn-small" onClick={() => go('staff')}>
              See the staff list
            </button>
          }
        >
          Imported {done} {done === 1 ? 'person' : 'people'}.
        </Banner>
      )}
      <div className="card">
        <p>
          One row per person, with a header row. Dates as dd/mm/yyyy or yyyy-mm-dd; services as “security; cleaning”. New people only: an
          employee number already on file is an error. Nothing is saved until you import, and then every row or none.
        </p>
        <div className="actions-row" style={{ marginBottom: 'var(--s3)' }}>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <button className="btn" onClick={() => fileInput.current?.click()}>
            <FileUp aria-hidden size={16} /> Choose a file…
          </button>
          {fileName && <span className="muted small">{fileName}</span>}
          <button
            className="btn btn-quiet"
            onClick={() => download({ filename: 'sitedesk-staff-template.csv', mime: CSV_MIME, text: STAFF_CSV_TEMPLATE })}
          >
            <FileDown aria-hidden size={16} /> Download a blank template
          </button>
        </div>
        <div className="field">
          <label htmlFor="csv-text">Or paste the CSV here</label>
          <textarea
            id="csv-text"
            className="csv-input"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={STAFF_CSV_TEMPLATE}
          />
        </div>
        <button className="btn btn-primary" disabled={!text.trim() || step.status === 'checking'} onClick={() => void check()}>
          {step.status === 'checking' ? 'Checking…' : preview ? 'Check again' : 'Check file'}
        </button>
      </div>

      {step.status === 'error' && <Banner tone="error">{step.message}</Banner>}
      {preview && (
        <section className="card" style={{ marginTop: 'var(--s4)' }} aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          {stale && <Banner tone="info">The text has changed since it was checked: check it again before importing.</Banner>}
          {preview.result.fileErrors.map((m) => (
            <Banner key={m} tone="error">
              {m}
            </Banner>
          ))}
          {preview.result.ignoredColumns.length > 0 && (
            <Banner tone="info">Columns not read: {preview.result.ignoredColumns.join(', ')}.</Banner>
          )}
          {preview.result.rows.length > 0 && (
            <>
              {bad.length > 0 ? (
                <Banner tone="error">
                  {rowsWithErrors(bad.length, preview.result.rows.length)} (line{bad.length === 1 ? '' : 's'}{' '}
                  {bad.map((r) => r.line).join(', ')}). Fix {bad.length === 1 ? 'it' : 'them'} in the file or the text above and check
                  again: nothing is imported while any row is wrong.
                </Banner>
              ) : (
                <Banner tone="ok">
                  {preview.result.rows.length === 1 ? 'The row is' : `All ${preview.result.rows.length} rows are`} ready to import.
                </Banner>
              )}
              <div className="table-scroll" role="region" aria-label="Rows to import" tabIndex={0}>
                <table className="table preview-table">
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      {shownColumns.map((c) => (
                        <th scope="col" key={c.key}>
                          {c.label}
                        </th>
                      ))}
                      <th scope="col">Status</th>
                      <th scope="col">Problems</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.result.rows.map((r) => (
                      <tr key={r.line} className={r.errors.length ? 'row-bad' : undefined}>
                        <td>{r.line}</td>
                        {shownColumns.map((c) => (
                          <td key={c.key}>{r.values[c.key] || (c.key === 'name' ? <span className="muted">(blank)</span> : '')}</td>
                        ))}
                        <td className={`row-status ${r.errors.length ? 'bad' : 'ok'}`}>
                          {r.errors.length ? `✗ ${counted(r.errors.length, 'error')}` : '✓ Ready'}
                        </td>
                        <td>
                          {r.errors.length > 0 && (
                            <ul className="row-errors">
                              {r.errors.map((e) => (
                                <li key={e.column + e.message}>
                                  <strong>{e.column}:</strong> {e.message}
                                </li>
                              ))}
                            </ul>
                          )}
                          {r.warnings.length > 0 && (
                            <ul className="row-warnings">
                              {r.warnings.map((e) => (
                                <li key={e.column + e.message}>
                                  <strong>{e.column}:</strong> {e.message}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <div className="import-actions">
            <button className="btn" onClick={() => go('staff')}>
              Cancel
            </button>
            <button className="btn btn-primary" disabled={!preview.result.ok || stale} onClick={() => void confirm(preview.checked)}>
              {preview.result.ok
                ? `Import ${preview.result.rows.length} ${preview.result.rows.length === 1 ? 'person' : 'people'}`
                : 'Import (fix the errors first)'}
            </button>
          </div>
        </section>
      )}
      {step.status === 'importing' && <p className="muted">Importing…</p>}
    </section>
  );
};
