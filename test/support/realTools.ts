/**
 * The third-party tools the exports are checked with, as a user would open the files: LibreOffice
 * (CSV -> xlsx), pdftotext and pdffonts (poppler-utils), Python's icalendar. CI installs them (.ci/run);
 * a test that needs one fails with a clear message when it is missing rather than passing unseen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Fails with what to install when a tool is missing. */
export const requireTool = (command: string, debianPackage: string): void => {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) throw new Error(`${command} is not installed: run "apt-get install -y ${debianPackage}" (.ci/run installs it).`);
};

/** The entries of a zip file (an xlsx), by name, inflated. */
export const unzip = (zip: Buffer): Map<string, Buffer> => {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('Not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    out.set(name, method === 0 ? raw : inflateRawSync(raw));
    at += 46 + nameLength + extra + comment;
  }
  return out;
};

export interface Cell {
  ref: string;
  row: number;
  col: number;
  /** `n` number (dates too), `s` shared string, `str` formula text result, `b` boolean, `inlineStr`. */
  type: string;
  formula: string | null;
  /** The text of a string cell, or the number's digits. */
  value: string;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const colOf = (ref: string): number => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The first sheet's cells of an xlsx file, as LibreOffice wrote them. */
export const readSheet = (xlsx: Buffer): Cell[] => {
  const files = unzip(xlsx);
  const strings = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(''),
  );
  const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  return [...sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
    const type = /t="(\w+)"/.exec(m[3])?.[1] ?? 'n';
    const body = m[4] ?? '';
    const formula = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1] ?? (/<f[^>]*\/>/.test(body) ? '' : null);
    const v = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '');
    return {
      ref: `${m[1]}${m[2]}`,
      row: Number(m[2]) - 1,
      col: colOf(m[1]),
      type,
      formula: formula === null ? null : unescapeXml(formula),
      value: type === 's' ? strings[Number(v)] : v,
    };
  });
};

/**
 * Opens CSV files in LibreOffice Calc as a user would (UTF-8, comma, double quote; formulas evaluated as
 * Calc does by default) and saves each with `filter`, all in one soffice run since each start costs
 * seconds; returns the saved files' bytes.
 */
const throughCalc = (files: Record<string, string>, extension: string, filter: string): Record<string, Buffer> => {
  requireTool('soffice', 'libreoffice-calc-nogui');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-lo-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-lo-home-'));
  try {
    const names = Object.keys(files);
    names.forEach((n, i) => fs.writeFileSync(path.join(dir, `f${i}.csv`), files[n]));
    execFileSync(
      'soffice',
      [
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        filter,
        '--outdir',
        path.join(dir, 'out'),
        ...names.map((_, i) => path.join(dir, `f${i}.csv`)),
      ],
      {
        env: { ...process.env, HOME: home },
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    return Object.fromEntries(names.map((n, i) => [n, fs.readFileSync(path.join(dir, 'out', `f${i}.${extension}`))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
};

/** CSV files opened in LibreOffice Calc and saved as xlsx, read back cell by cell. */
export const libreOfficeSheets = (files: Record<string, string>): Record<string, Cell[]> =>
  Object.fromEntries(Object.entries(throughCalc(files, 'xlsx', 'xlsx')).map(([n, xlsx]) => [n, readSheet(xlsx)]));

/**
 * CSV files opened in LibreOffice Calc and saved again as CSV (UTF-8, cells as shown), as a manager who
 * edits an export and saves it back does; `separator` is what their locale's Calc or Excel writes.
 */
export const libreOfficeResaved = (files: Record<string, string>, separator: ',' | ';'): Record<string, string> =>
  Object.fromEntries(
    Object.entries(throughCalc(files, 'csv', `csv:Text - txt - csv (StarCalc):${separator.charCodeAt(0)},34,76,1`)).map(([n, csv]) => [
      n,
      csv.toString('utf8'),
    ]),
  );

/** Runs a poppler tool (pdftotext, pdffonts, pdfinfo) on PDF bytes and returns what it printed. */
export const poppler = (tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = []): string => {
  requireTool(tool, 'poppler-utils');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** Debian's Python with python3-icalendar (a pyenv `python3` on PATH may lack it). */
export const systemPython = (): string => {
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  if (spawnSync(python, ['-c', 'import icalendar']).status !== 0)
    throw new Error(`${python} cannot import icalendar: run "apt-get install -y python3-icalendar" (.ci/run installs it).`);
  return python;
};
