/** An incident as a PDF report (every field and its whole history) and a list of incidents as CSV. */
import { toCsv, type CsvCell } from '../../shared/domain/csv';
import { formatDateGB, formatInstantZoneGB, isoInstant, londonToday } from '../../shared/domain/dates';
import {
  AGENCY_LABEL,
  CATEGORY_LABEL,
  describeValue,
  FIELD_LABEL,
  HISTORY_KIND_LABEL,
  RIDDOR_LABEL,
  riddorDeadline,
  riddorStatus,
  SEVERITY_LABEL,
  STATUS_LABEL,
  type VerifyResult,
} from '../../shared/domain/incidents';
import type { Incident } from '../../shared/schemas/incident';
import { registerPdfFonts, writeText, type PdfFont } from './pdfFonts';
import { readPhoto } from './photos';
import type { AppCore } from './types';
import { counted } from '../../shared/domain/counted';

const onward = (i: Incident) =>
  i.onwardReports.map((r) => `${AGENCY_LABEL[r.agency]}${r.reference ? ` (ref ${r.reference})` : ''}`).join('; ');
const followUps = (i: Incident) =>
  i.followUps.map((f) => `${f.done ? 'Done' : 'To do'}: ${f.action} — ${f.owner}, due ${formatDateGB(f.due)}`).join('\n');

const MARGIN = 50;

/**
 * Renders one incident to PDF bytes, every font embedded, the user's text exactly as typed. Each page
 * carries the reference, page n of m and the time zone. Photos pdfkit can draw (JPEG, PNG) come at the end.
 */
export const incidentPdf = async (app: AppCore, i: Incident, verification: VerifyResult, now: number): Promise<Buffer> => {
  // pdfkit and its font engine are loaded on the first print, not at every start-up.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const names = Object.fromEntries(app.repos.accounts.all().map((a) => [a.id, a.displayName]));
    const site = app.repos.sites.all().find((s) => s.code === i.site);
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 20 },
      bufferPages: true,
      info: { Title: `Incident ${i.ref}`, Author: 'SiteDesk' },
    });
    registerPdfFonts(doc);
    const put = (text: string, font: PdfFont, options: object = {}) => writeText(doc, text, font, options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - 2 * MARGIN;
    const today = londonToday(now);

    doc.fontSize(18);
    put(`Incident ${i.ref}`, 'bold');
    doc.fontSize(10).fillColor('#555555');
    put(
      `${site ? `${site.code} · ${site.name}` : i.site} — printed ${formatInstantZoneGB(new Date(now).toISOString())} from SiteDesk`,
      'regular',
    );
    doc.moveDown(0.5);
    doc.fillColor(verification.ok ? '#1b6e43' : '#a3241c').fontSize(10);
    put(
      verification.ok
        ? `History verified: ${counted(i.history.length, 'entry', 'entries')}, chain intact.`
        : `HISTORY BROKEN at entry ${verification.brokenAt + 1}: ${verification.reason}`,
      'bold',
    );
    doc.fillColor('#000000').moveDown(0.8);

    const section = (title: string) => {
      doc.moveDown(0.6).fontSize(12).fillColor('#1f4f8a');
      put(title, 'bold');
      doc.fillColor('#000000');
      doc
        .moveTo(MARGIN, doc.y + 2)
        .lineTo(MARGIN + width, doc.y + 2)
        .strokeColor('#d6dbe2')
        .stroke()
        .moveDown(0.4);
    };
    const field = (label: string, value: string) => {
      doc.fontSize(9).fillColor('#555555');
      put(label.toUpperCase(), 'bold');
      doc.fontSize(10.5).fillColor('#000000');
      put(value || '—', 'regular', { width });
      doc.moveDown(0.4);
    };

    section('Summary');
    field('Status', STATUS_LABEL[i.status]);
    field('Category and severity', `${CATEGORY_LABEL[i.category]} · ${SEVERITY_LABEL[i.severity]}`);
    field('Where in the site', i.location);
    field('When it happened', formatInstantZoneGB(i.occurredAt));
    field('Reported', `${formatInstantZoneGB(i.reportedAt)} by ${i.reportedBy} to ${i.reportedTo}`);
    field('Recorded', `${formatInstantZoneGB(i.createdAt)} by ${names[i.createdBy] ?? i.createdBy}`);

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
      field(
        'Reported to the HSE',
        i.riddor.reportedOn
          ? `${formatDateGB(i.riddor.reportedOn)}${i.riddor.method ? ` by ${i.riddor.method}` : ''}${i.riddor.hseReference ? `, HSE reference ${i.riddor.hseReference}` : ''}${st.state === 'reported' && st.late ? ' (late)' : ''}`
          : st.state === 'not-reportable'
            ? '—'
            : `Not yet. ${'message' in st ? st.message : ''}`,
      );
    }

    if (i.status === 'closed') {
      section('Outcome');
      field('Outcome', i.outcome);
    }

    section(`History (${counted(i.history.length, 'entry', 'entries')})`);
    i.history.forEach((h, n) => {
      doc.fontSize(10);
      put(`${n + 1}. ${HISTORY_KIND_LABEL[h.kind]} — ${formatInstantZoneGB(h.at)} by ${names[h.by] ?? h.by}`, 'bold');
      if (h.note) {
        doc.fontSize(9.5);
        put(`Reason: ${h.note}`, 'italic', { width });
      }
      const changes = h.kind === 'created' ? [] : h.changes;
      for (const c of changes) {
        doc.fontSize(9.5);
        put(
          `${FIELD_LABEL[c.field] ?? c.field}: ${describeValue(c.field, c.before, formatInstantZoneGB)} → ${describeValue(c.field, c.after, formatInstantZoneGB)}`,
          'regular',
          { width, indent: 12 },
        );
      }
      doc.fontSize(7).fillColor('#777777');
      put(`hash ${h.hash.slice(0, 16)}… prev ${h.prevHash.slice(0, 16)}…`, 'mono', { indent: 12 });
      doc.fillColor('#000000').moveDown(0.3);
    });

    if (i.photos.length) {
      section(`Photos (${i.photos.length})`);
      for (const p of i.photos) {
        const found = readPhoto(app.dirs, p.file);
        doc.fontSize(9.5);
        put(`${p.name} (${Math.round(p.bytes / 1024)} KB)`, 'regular');
        if (found && found.mime !== 'image/webp') {
          if (doc.y > doc.page.height - 260) doc.addPage();
          doc.image(found.bytes, { fit: [width, 200] }).moveDown(0.5);
        } else {
          doc.fillColor('#555555');
          put(found ? '(WebP image: open it in SiteDesk to view)' : '(file missing from the data folder)', 'regular');
          doc.fillColor('#000000');
        }
      }
    }
    // The footer goes on once the page count is known; the bottom margin is lifted so it stays on its page.
    const { start, count } = doc.bufferedPageRange();
    for (let p = start; p < start + count; p += 1) {
      doc.switchToPage(p);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .fontSize(8)
        .fillColor('#555555')
        .font('regular')
        .text(
          `Incident ${i.ref} · page ${p - start + 1} of ${count} · times are UK time (Europe/London), GMT or BST as shown`,
          MARGIN,
          doc.page.height - MARGIN,
          { width, align: 'center', lineBreak: false },
        );
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
};

/** Incidents as CSV, one row each; times as London wall-clock with their offset, so the repeated autumn hour reads one way. */
export const incidentsCsv = (incidents: Incident[], today: string): string => {
  const columns: [string, (i: Incident) => CsvCell][] = [
    ['Reference', (i) => i.ref],
    ['Site', (i) => i.site],
    ['Location', (i) => i.location],
    ['Occurred', (i) => isoInstant(i.occurredAt)],
    ['Reported', (i) => isoInstant(i.reportedAt)],
    ['Reported by', (i) => i.reportedBy],
    ['Reported to', (i) => i.reportedTo],
    ['Category', (i) => CATEGORY_LABEL[i.category]],
    ['Severity', (i) => SEVERITY_LABEL[i.severity]],
    ['Status', (i) => STATUS_LABEL[i.status]],
    ['What happened', (i) => i.details],
    ['People involved', (i) => i.peopleInvolved],
    ['Witnesses', (i) => i.witnesses],
    ['Action taken', (i) => i.actionTaken],
    ['Onward reporting', onward],
    ['Follow-ups', (i) => i.followUps.map((f) => `${f.done ? 'Done' : 'To do'}: ${f.action} — ${f.owner}, due ${f.due}`).join('\n')],
    ['RIDDOR kind', (i) => (i.riddor ? RIDDOR_LABEL[i.riddor.kind] : '')],
    ['RIDDOR deadline', (i) => riddorDeadline(i) ?? ''],
    ['RIDDOR state', (i) => riddorStatus(i, today).state],
    ['RIDDOR reported on', (i) => i.riddor?.reportedOn ?? ''],
    ['RIDDOR method', (i) => i.riddor?.method ?? ''],
    ['HSE reference', (i) => i.riddor?.hseReference ?? ''],
    ['Outcome', (i) => i.outcome],
    ['Photos', (i) => i.photos.length],
  ];
  return toCsv(
    columns.map(([name]) => name),
    incidents.map((i) => columns.map(([, cell]) => cell(i))),
  );
};
