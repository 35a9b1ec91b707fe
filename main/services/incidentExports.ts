/** An incident as a PDF report (every field and its whole history) and a list of incidents as CSV. */
import Papa from 'papaparse';
import { formatDateGB, formatInstantGB, londonToday } from '../../shared/domain/dates';
import {
  AGENCY_LABEL,
  CATEGORY_LABEL,
  describeValue,
  FIELD_LABEL,
  RIDDOR_LABEL,
  riddorDeadline,
  riddorStatus,
  SEVERITY_LABEL,
  STATUS_LABEL,
  type VerifyResult,
} from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import { readPhoto } from './photos';
import type { AppCore } from './types';

const WIN_ANSI = /^[\x20-\x7e\xa0-\xff\n€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]$/;
/**
 * The PDF's built-in Helvetica covers WinAnsi only, so arrows and ticks are spelt out and a letter
 * outside it loses its accent (Ł stays ?, as it has no plain form). Bundling a Unicode font would lift this.
 */
const winAnsi = (s: string): string =>
  [...s.replace(/→/g, '->').replace(/✓ /g, '(done) ').replace(/○ /g, '(to do) ')]
    .map((c) => (WIN_ANSI.test(c) ? c : c.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]/g, '?')))
    .join('');

const HISTORY_KIND = { created: 'Recorded', updated: 'Edited', status: 'Status changed', amendment: 'Amendment', photo: 'Photo added', decision: 'Manager’s decision' } as const;

const onward = (i: Incident) => i.onwardReports.map((r) => `${AGENCY_LABEL[r.agency]}${r.reference ? ` (ref ${r.reference})` : ''}`).join('; ');
const followUps = (i: Incident) => i.followUps.map((f) => `${f.done ? 'Done' : 'To do'}: ${f.action} — ${f.owner}, due ${formatDateGB(f.due)}`).join('\n');

/** Renders one incident to PDF bytes. Photos pdfkit can draw (JPEG, PNG) are included at the end. */
export const incidentPdf = async (app: AppCore, i: Incident, verification: VerifyResult, now: number): Promise<Buffer> => {
  // pdfkit and its font engine are loaded on the first print, not at every start-up.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const names = Object.fromEntries(app.repos.accounts.all().map((a) => [a.id, a.displayName]));
    const site = app.repos.sites.all().find((s) => s.code === i.site);
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Incident ${i.ref}`, Author: 'SiteDesk' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - 100;
    const today = londonToday(now);

    doc.font('Helvetica-Bold').fontSize(18).text(`Incident ${i.ref}`);
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(`${site ? `${site.code} · ${site.name}` : i.site} — printed ${formatInstantGB(new Date(now).toISOString())} from SiteDesk`);
    doc.moveDown(0.5);
    doc.fillColor(verification.ok ? '#1b6e43' : '#a3241c').font('Helvetica-Bold').fontSize(10)
      .text(verification.ok ? `History verified: ${i.history.length} entries, chain intact.` : `HISTORY BROKEN at entry ${verification.brokenAt + 1}: ${verification.reason}`);
    doc.fillColor('#000000').moveDown(0.8);

    const section = (title: string) => {
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1f4f8a').text(title).fillColor('#000000');
      doc.moveTo(50, doc.y + 2).lineTo(50 + width, doc.y + 2).strokeColor('#d6dbe2').stroke().moveDown(0.4);
    };
    const field = (label: string, value: string) => {
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#555555').text(label.toUpperCase());
      doc.font('Helvetica').fontSize(10.5).fillColor('#000000').text(winAnsi(value) || '—', { width }).moveDown(0.4);
    };

    section('Summary');
    field('Status', STATUS_LABEL[i.status]);
    field('Category and severity', `${CATEGORY_LABEL[i.category]} · ${SEVERITY_LABEL[i.severity]}`);
    field('Where in the site', i.location);
    field('When it happened', formatInstantGB(i.occurredAt));
    field('Reported', `${formatInstantGB(i.reportedAt)} by ${i.reportedBy} to ${i.reportedTo}`);
    field('Recorded', `${formatInstantGB(i.createdAt)} by ${names[i.createdBy] ?? i.createdBy}`);

    section('What happened');
    field('Details', i.details);
    field('People involved', i.peopleInvolved);
    field('Witnesses', i.witnesses);

    section('Action');
    field('Action taken', i.actionTaken);
    field('Onward reporting', onward(i));
    field('Action still to take (follow-ups)', followUps(i));

    section('RIDDOR');
    if (!i.riddor) field('Reportable', 'No');
    else {
      const st = riddorStatus(i, today);
      field('Kind', RIDDOR_LABEL[i.riddor.kind]);
      field('Deadline', formatDateGB(riddorDeadline(i)!));
      field('Reported to the HSE', i.riddor.reportedOn ? `${formatDateGB(i.riddor.reportedOn)}${i.riddor.method ? ` by ${i.riddor.method}` : ''}${i.riddor.hseReference ? `, HSE reference ${i.riddor.hseReference}` : ''}${st.state === 'reported' && st.late ? ' (late)' : ''}` : st.state === 'not-reportable' ? '—' : `Not yet. ${'message' in st ? st.message : ''}`);
    }

    if (i.status === 'closed') {
      section('Outcome');
      field('Outcome', i.outcome);
    }

    section(`History (${i.history.length} entries)`);
    i.history.forEach((h, n) => {
      doc.font('Helvetica-Bold').fontSize(10).text(`${n + 1}. ${HISTORY_KIND[h.kind]} — ${formatInstantGB(h.at)} by ${names[h.by] ?? h.by}`);
      if (h.note) doc.font('Helvetica-Oblique').fontSize(9.5).text(winAnsi(`Reason: ${h.note}`), { width });
      const changes = h.kind === 'created' ? [] : h.changes;
      for (const c of changes) {
        doc.font('Helvetica').fontSize(9.5).text(winAnsi(`${FIELD_LABEL[c.field] ?? c.field}: ${describeValue(c.field, c.before, formatInstantGB)} -> ${describeValue(c.field, c.after, formatInstantGB)}`), { width, indent: 12 });
      }
      doc.font('Courier').fontSize(7).fillColor('#777777').text(`hash ${h.hash.slice(0, 16)}… prev ${h.prevHash.slice(0, 16)}…`, { indent: 12 }).fillColor('#000000').moveDown(0.3);
    });

    if (i.photos.length) {
      section(`Photos (${i.photos.length})`);
      for (const p of i.photos) {
        const found = readPhoto(app.dirs, p.file);
        doc.font('Helvetica').fontSize(9.5).text(winAnsi(`${p.name} (${Math.round(p.bytes / 1024)} KB)`));
        if (found && found.mime !== 'image/webp') {
          if (doc.y > doc.page.height - 260) doc.addPage();
          doc.image(found.bytes, { fit: [width, 200] }).moveDown(0.5);
        } else doc.fillColor('#555555').text(found ? '(WebP image: open it in SiteDesk to view)' : '(file missing from the data folder)').fillColor('#000000');
      }
    }
    doc.end();
  });
};

/** Incidents as CSV, one row each; cells that a spreadsheet would run as formulas are escaped. */
export const incidentsCsv = (incidents: Incident[], today: string): string =>
  Papa.unparse(
    incidents.map((i) => {
      const st = riddorStatus(i, today);
      return {
        Reference: i.ref,
        Site: i.site,
        Location: i.location,
        'Occurred (London)': formatInstantGB(i.occurredAt),
        'Reported (London)': formatInstantGB(i.reportedAt),
        'Reported by': i.reportedBy,
        'Reported to': i.reportedTo,
        Category: CATEGORY_LABEL[i.category],
        Severity: SEVERITY_LABEL[i.severity],
        Status: STATUS_LABEL[i.status],
        'What happened': i.details,
        'People involved': i.peopleInvolved,
        Witnesses: i.witnesses,
        'Action taken': i.actionTaken,
        'Onward reporting': onward(i),
        'Follow-ups': followUps(i),
        'RIDDOR kind': i.riddor ? RIDDOR_LABEL[i.riddor.kind] : '',
        'RIDDOR deadline': riddorDeadline(i) ?? '',
        'RIDDOR state': st.state,
        'RIDDOR reported on': i.riddor?.reportedOn ?? '',
        'RIDDOR method': i.riddor?.method ?? '',
        'HSE reference': i.riddor?.hseReference ?? '',
        Outcome: i.outcome,
        Photos: i.photos.length,
      };
    }),
    { escapeFormulae: true, newline: '\r\n' },
  );
