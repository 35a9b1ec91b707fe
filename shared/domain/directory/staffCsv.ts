/**
 * Staff CSV as it comes from HR: headers in any case with common aliases, dd/mm/yyyy or yyyy-mm-dd
 * dates, services as "Security; Cleaning" or "security,cleaning". Each row is checked through the
 * staff schema so its messages are the app's own. Importing adds new people only, so an employee
 * number already on file is an error, as is one repeated within the file (all its lines are marked,
 * since either could be the right one).
 */
import Papa from 'papaparse';
import { FORMULA_GUARD, needsGuard, toCsv, type CsvCell } from '../csv';
import { SERVICES, type Service } from '../../schemas/common';
import { CONTRACT_TYPES, SIA_SECTORS, staffInputSchema, type Staff, type StaffInput } from '../../schemas/staff';
import { zodIssues, type PathIssue } from './fieldErrors';
import { employeeNumberClash, employeeNumberKey, staffRuleIssues } from './staffValidation';

export const STAFF_CSV_COLUMNS = [
  { key: 'name', label: 'Name', required: true, aliases: ['full name', 'employee name', 'staff name'] },
  {
    key: 'employeeNumber',
    label: 'Employee number',
    required: true,
    aliases: [
      'employee no',
      'emp no',
      'emp number',
      'employee num',
      'employee id',
      'staff number',
      'staff no',
      'payroll number',
      'payroll no',
    ],
  },
  { key: 'services', label: 'Services', required: true, aliases: ['service', 'roles', 'role'] },
  { key: 'homeSite', label: 'Home site', required: false, aliases: ['home', 'base site', 'base', 'site'] },
  { key: 'familiarSites', label: 'Familiar sites', required: false, aliases: ['other sites', 'sites', 'familiar'] },
  { key: 'contractType', label: 'Contract type', required: false, aliases: ['contract'] },
  {
    key: 'contractedHours',
    label: 'Contracted hours',
    required: true,
    aliases: ['hours', 'weekly hours', 'contract hours', 'hours per week'],
  },
  { key: 'payRate', label: 'Pay rate', required: true, aliases: ['hourly rate', 'rate', 'pay', 'rate of pay'] },
  {
    key: 'optOutSigned',
    label: 'Opt-out signed',
    required: false,
    aliases: ['opt out', 'opt out date', 'opt out signed date', 'wtd opt out', 'working time opt out'],
  },
  { key: 'youngWorker', label: 'Young worker', required: false, aliases: ['under 18'] },
  { key: 'dateOfBirth', label: 'Date of birth', required: false, aliases: ['dob', 'birth date', 'birthday'] },
  {
    key: 'siaNumber',
    label: 'SIA number',
    required: false,
    aliases: ['sia licence number', 'sia license number', 'sia licence no', 'sia no', 'licence number', 'sia licence'],
  },
  {
    key: 'siaSector',
    label: 'SIA sector',
    required: false,
    aliases: ['sia licence sector', 'licence sector', 'sia licence type', 'licence type'],
  },
  {
    key: 'siaExpiry',
    label: 'SIA expiry',
    required: false,
    aliases: ['sia expires', 'sia expiry date', 'sia licence expiry', 'licence expiry', 'sia license expiry'],
  },
  { key: 'phone', label: 'Phone', required: false, aliases: ['telephone', 'phone number', 'mobile', 'mobile number', 'tel'] },
] as const;

export type StaffCsvColumn = (typeof STAFF_CSV_COLUMNS)[number]['key'];
type Cells = Partial<Record<StaffCsvColumn, string>>;

const LABEL = Object.fromEntries(STAFF_CSV_COLUMNS.map((c) => [c.key, c.label])) as Record<StaffCsvColumn, string>;

/** The header line of an empty import file, for managers to fill in. */
export const STAFF_CSV_TEMPLATE = toCsv(
  STAFF_CSV_COLUMNS.map((c) => c.label),
  [],
);

const headerKey = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const COLUMN_BY_HEADER = new Map<string, StaffCsvColumn>(
  STAFF_CSV_COLUMNS.flatMap((c) => [c.label, ...c.aliases].map((h) => [headerKey(h), c.key] as const)),
);

export interface StaffCsvRow {
  /** The file line the row starts on (the header is line 1). */
  line: number;
  /** The row's cells by column, as written. */
  values: Cells;
  /** Present only when the row can be imported as it is. */
  input?: StaffInput;
  errors: { column: string; message: string }[];
  warnings: { column: string; message: string }[];
}

export interface StaffCsvResult {
  rows: StaffCsvRow[];
  /** Problems with the file as a whole (no rows, a missing column, a broken quote). */
  fileErrors: string[];
  /** Headers that match no column and were not read. */
  ignoredColumns: string[];
  ok: boolean;
}

export interface StaffCsvOptions {
  /** When given, date rules (young worker, opt-out date) are checked as on this day, as a save would. */
  todayIso?: string;
  siteCodes?: readonly string[];
}

const list = (cell: string): string[] =>
  cell
    .split(/[;,|/]/)
    .map((s) => s.trim())
    .filter(Boolean);

// Excel reads a 16-digit number as a float and drops digits, `00123` as 123, and a cell starting with + or =
// as a formula; so the export writes SIA numbers in groups of four and prefixes such cells with ', both
// undone here. A cell that itself starts with ' is prefixed too, so taking one ' off is always right.
const unescapeFormula = (cell: string): string => (cell.startsWith(FORMULA_GUARD) && needsGuard(cell.slice(1)) ? cell.slice(1) : cell);

const toIsoDate = (cell: string): string | null => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
  const gb = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  return gb ? `${gb[3]}-${gb[2].padStart(2, '0')}-${gb[1].padStart(2, '0')}` : null;
};

/** Whether yyyy-mm-dd names a day on the calendar (not 31 February, not month 13). */
const realDay = (iso: string): boolean => {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const slug = (cell: string): string =>
  cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const CONTRACT_ALIASES: Record<string, (typeof CONTRACT_TYPES)[number]> = {
  ft: 'full-time',
  pt: 'part-time',
  'zero-hour': 'zero-hours',
  zhc: 'zero-hours',
  bank: 'relief',
};
const SECTOR_ALIASES: Record<string, (typeof SIA_SECTORS)[number]> = {
  'public-space-surveillance': 'cctv',
  'public-space-surveillance-cctv': 'cctv',
  'cctv-public-space-surveillance': 'cctv',
  'door-supervisor': 'door-supervision',
  'security-guard': 'security-guarding',
  'close-protection-operative': 'close-protection',
  'key-holder': 'key-holding',
};

const pathColumn = (path: string): StaffCsvColumn => {
  const [head, sub] = path.split('.');
  if (head === 'optOut') return 'optOutSigned';
  if (head === 'sia') return sub === 'sector' ? 'siaSector' : sub === 'expires' ? 'siaExpiry' : 'siaNumber';
  // Fields with no column (availability, absences, notes) take schema defaults and cannot fail.
  return head as StaffCsvColumn;
};

/**
 * A number as HR files write it: `£12.50`, `1,250.00`, or `12,50` and `37,5` from a spreadsheet whose
 * locale writes a decimal comma (and semicolons between cells). NaN for anything else, `1,2,5` included.
 */
const numberIn = (cell: string): number => {
  const s = cell.replace(/[£\s]/g, '');
  if (/^-?\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
};

/** Turns a row's cells into a candidate StaffInput, with the errors found before the schema sees it. */
const readCells = (cells: Cells): { raw: Record<string, unknown>; errors: Map<StaffCsvColumn, string> } => {
  const errors = new Map<StaffCsvColumn, string>();
  const cell = (key: StaffCsvColumn) => cells[key] ?? '';
  const date = (key: StaffCsvColumn): string | null => {
    if (!cell(key)) return null;
    const iso = toIsoDate(cell(key));
    if (!iso) errors.set(key, `Write ${LABEL[key].toLowerCase()} as dd/mm/yyyy or yyyy-mm-dd, not ${cell(key)}`);
    else if (!realDay(iso)) {
      // Say which value, and when swapping day and month makes a real day, that it reads as American.
      const [y, m, d] = iso.split('-');
      const swapped = `${y}-${d}-${m}`;
      errors.set(
        key,
        realDay(swapped) && cell(key).includes('/')
          ? `${cell(key)} is not a date: it looks like month/day; write ${m}/${d}/${y}`
          : `${cell(key)} is not a date that exists`,
      );
      return null;
    }
    return iso;
  };
  const num = (key: StaffCsvColumn): number | undefined => {
    const n = numberIn(cell(key));
    if (cell(key) && Number.isNaN(n)) errors.set(key, `${LABEL[key]} must be a number, not ${cell(key)}`);
    return cell(key) ? n : undefined;
  };
  for (const c of STAFF_CSV_COLUMNS) if (c.required && !cell(c.key)) errors.set(c.key, `${c.label} is required`);

  const services = list(cell('services')).map((s) => s.toLowerCase());
  const unknown = services.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length)
    errors.set('services', `Unknown service ${unknown.map((s) => `"${s}"`).join(', ')}: use reception, security or cleaning`);

  const contract = slug(cell('contractType'));
  const contractType = CONTRACT_ALIASES[contract] ?? contract;
  if (contract && !(CONTRACT_TYPES as readonly string[]).includes(contractType))
    errors.set('contractType', `Contract type is full-time, part-time, zero-hours or relief, not ${cell('contractType')}`);

  const young = cell('youngWorker').toLowerCase();
  const youngWorker = ['yes', 'y', 'true', '1'].includes(young) ? true : ['no', 'n', 'false', '0', ''].includes(young) ? false : undefined;
  if (youngWorker === undefined) errors.set('youngWorker', `Write yes or no for young worker, not ${cell('youngWorker')}`);

  const optOut = date('optOutSigned');
  const siaGiven = (['siaNumber', 'siaSector', 'siaExpiry'] as const).filter((k) => cell(k));
  if (siaGiven.length > 0) {
    for (const k of ['siaNumber', 'siaSector', 'siaExpiry'] as const)
      if (!cell(k)) errors.set(k, `${LABEL[k]} is required with an SIA licence`);
  }
  const sector = slug(cell('siaSector'));
  const sia = siaGiven.length
    ? { number: cell('siaNumber').replace(/[\s-]/g, ''), sector: SECTOR_ALIASES[sector] ?? sector, expires: date('siaExpiry') ?? '' }
    : null;

  const raw = {
    name: cell('name'),
    employeeNumber: cell('employeeNumber'),
    services: [...new Set(services)] as Service[],
    homeSite: cell('homeSite') ? cell('homeSite').toUpperCase() : null,
    familiarSites: list(cell('familiarSites')).map((s) => s.toUpperCase()),
    contractType: contract ? contractType : undefined,
    contractedHours: num('contractedHours'),
    payRate: num('payRate'),
    optOut: optOut ? { signed: optOut } : null,
    youngWorker: youngWorker ?? false,
    dateOfBirth: date('dateOfBirth'),
    sia,
    phone: cell('phone'),
  };
  // U+FFFD is what a reader puts where a byte was not UTF-8: the letter is gone, so saving would lose it.
  for (const c of STAFF_CSV_COLUMNS)
    if (cell(c.key).includes('\uFFFD'))
      errors.set(c.key, `${cell(c.key)} has a character that could not be read (\uFFFD): save the file as “CSV UTF-8” and choose it again`);
  return { raw, errors };
};

/** Counts the file lines a parsed row spans: one, plus any line breaks inside quoted cells. */
const linesIn = (fields: readonly string[]): number => 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

/** Reads an HR staff file into rows ready to import or with their errors; `ok` when every row imports. */
export const parseStaffCsv = (text: string, existingStaff: readonly Staff[], options: StaffCsvOptions = {}): StaffCsvResult => {
  // papaparse drops a leading byte-order mark and takes \r\n, \n or \r line ends as it finds them.
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] });
  // The file line each parsed row starts on, header included: the numbers the preview shows.
  const startLines: number[] = [];
  let line = 1;
  for (const fields of parsed.data) {
    startLines.push(line);
    line += linesIn(fields);
  }
  const fileErrors = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => `A quote on line ${startLines[e.row ?? 0] ?? line} is never closed, so the rest of the file cannot be read`);

  const records = parsed.data.flatMap((fields, i) => (fields.some((f) => f.trim() !== '') ? [{ line: startLines[i], fields }] : []));
  const [header, ...body] = records;
  if (!header) return { rows: [], fileErrors: ['The file is empty'], ignoredColumns: [], ok: false };

  const columnAt = header.fields.map((h) => COLUMN_BY_HEADER.get(headerKey(h)));
  const ignoredColumns = header.fields.filter((h, i) => h.trim() && !columnAt[i]);
  for (const c of STAFF_CSV_COLUMNS) {
    const found = header.fields.filter((_, i) => columnAt[i] === c.key);
    if (found.length > 1)
      fileErrors.push(`The columns ${found.map((h) => `"${h}"`).join(' and ')} both give the ${c.label.toLowerCase()}: keep one`);
    if (c.required && found.length === 0) fileErrors.push(`There is no ${c.label} column (also read as: ${c.aliases.join(', ')})`);
  }
  if (body.length === 0) fileErrors.push('The file has a header but no staff rows');
  if (fileErrors.length) return { rows: [], fileErrors, ignoredColumns, ok: false };

  const rows: StaffCsvRow[] = body.map(({ line: at, fields }) => {
    const values: Cells = {};
    columnAt.forEach((key, i) => {
      if (key) values[key] = unescapeFormula(fields[i] ?? '').trim();
    });
    const { raw, errors } = readCells(values);
    const issues: PathIssue[] = [];
    const warnings: PathIssue[] = [];
    const result = staffInputSchema.safeParse(raw);
    if (!result.success) issues.push(...zodIssues(result.error));
    else {
      const clash = employeeNumberClash(result.data.employeeNumber, existingStaff);
      if (clash)
        issues.push({ path: 'employeeNumber', message: `Employee number ${clash.employeeNumber} already belongs to ${clash.name}` });
      if (options.todayIso) {
        const rules = staffRuleIssues(result.data, { todayIso: options.todayIso, siteCodes: options.siteCodes });
        issues.push(...rules.errors);
        warnings.push(...rules.warnings);
      }
    }
    // A cell that could not be read reports that, not the schema's complaint about what it became.
    for (const issue of issues) {
      const column = pathColumn(issue.path);
      if (!errors.has(column)) errors.set(column, issue.message);
    }
    return {
      line: at,
      values,
      input: result.success && errors.size === 0 ? result.data : undefined,
      errors: [...errors].map(([column, message]) => ({ column: LABEL[column], message })),
      warnings: warnings.map((w) => ({ column: LABEL[pathColumn(w.path)], message: w.message })),
    };
  });

  const linesByNumber = new Map<string, number[]>();
  rows.forEach((r) => {
    const key = employeeNumberKey(r.values.employeeNumber ?? '');
    if (key) linesByNumber.set(key, [...(linesByNumber.get(key) ?? []), r.line]);
  });
  for (const r of rows) {
    const lines = linesByNumber.get(employeeNumberKey(r.values.employeeNumber ?? '')) ?? [];
    if (lines.length < 2) continue;
    r.errors.push({
      column: LABEL.employeeNumber,
      message: `Employee number ${r.values.employeeNumber} is on lines ${lines.join(', ')} of the file`,
    });
    r.input = undefined;
  }
  return { rows, fileErrors: [], ignoredColumns, ok: rows.every((r) => r.errors.length === 0) };
};

/** An SIA number in groups of four, as printed on the licence; a spreadsheet keeps it text instead of rounding 16 digits. */
export const siaGroups = (n: string): string => n.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Staff as CSV in the import's columns (pay left out unless asked for), which `parseStaffCsv` reads back. */
export const staffToCsv = (staff: readonly StaffInput[], { includePay }: { includePay: boolean }): string => {
  const columns = STAFF_CSV_COLUMNS.filter((c) => includePay || c.key !== 'payRate');
  const cellsOf = (s: StaffInput): Record<StaffCsvColumn, CsvCell> => ({
    name: s.name,
    employeeNumber: s.employeeNumber,
    services: s.services.join('; '),
    homeSite: s.homeSite ?? '',
    familiarSites: s.familiarSites.join('; '),
    contractType: s.contractType,
    contractedHours: s.contractedHours,
    payRate: s.payRate,
    optOutSigned: s.optOut?.signed ?? '',
    youngWorker: s.youngWorker ? 'yes' : 'no',
    dateOfBirth: s.dateOfBirth ?? '',
    siaNumber: s.sia ? siaGroups(s.sia.number) : '',
    siaSector: s.sia?.sector ?? '',
    siaExpiry: s.sia?.expires ?? '',
    phone: s.phone,
  });
  return toCsv(
    columns.map((c) => c.label),
    staff.map((s) => columns.map((c) => cellsOf(s)[c.key])),
  );
};
