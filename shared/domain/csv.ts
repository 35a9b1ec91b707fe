/**
 * The one CSV writer for every export. What spreadsheets and payroll imports need from a file:
 * - a UTF-8 byte-order mark, without which LibreOffice and Excel read `£` as `Â£` and `Zoë` as `ZoÃ«`;
 * - no cell a spreadsheet would run as a formula: text starting `=`, `+`, `-`, `@`, tab or CR gets a
 *   leading `'` whatever follows, newlines included (papaparse's `escapeFormulae` misses a cell with a
 *   newline in it);
 * - no text a spreadsheet would turn into a different number, date or time: payroll number `00123` or
 *   phone `07700900123` (leading zeros dropped), `12E3` (read as 12000), 16 digits (rounded), `1/2` or
 *   `3:15` (a date, a time) get the same leading `'`, so they show and save back as written;
 * - numbers written as numbers, so a negative stays a number a SUM counts (only text is neutralised);
 * - CRLF line ends (RFC 4180).
 * Dates are written ISO 8601 (`2026-11-30`) and instants with their offset (`2026-10-25T01:30+01:00`),
 * by the callers through `isoInstant`, so no reader has to guess the order or the zone.
 */
import Papa from 'papaparse';

/** A number to be written with a fixed count of decimals (money, hours), still a number to a spreadsheet. */
export interface Decimal {
  decimal: number;
  places: number;
}

export type CsvCell = string | number | Decimal | boolean | null | undefined;

/** A number written with `places` decimals: `decimal(-34.1)` is `-34.10`. */
export const decimal = (n: number, places = 2): Decimal => ({ decimal: n, places });

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's list, and their full-width forms),
 * and the guard itself, so that taking one guard off on the way back in is always right.
 */
const FORMULA_START = /^['=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefix that keeps formula-looking text as text; the staff import strips it again. */
export const FORMULA_GUARD = "'";

/**
 * Text that LibreOffice Calc and Excel read as a value and show changed (checked in Calc): digits with a
 * leading zero, more than 15 digits, a number in E notation, a day/month or a time of day.
 */
const READ_AS_CHANGED_VALUE = /^(0\d+|\d{16,}|\d+(\.\d+)?e[+-]?\d+|\d{1,4}[/:]\d{1,2}([/:]\d{1,4})?)$/i;

/** Whether text needs the guard to reach a spreadsheet as that text; one guard off is then always right. */
export const needsGuard = (text: string): boolean => FORMULA_START.test(text) || READ_AS_CHANGED_VALUE.test(text);

const cellText = (c: CsvCell): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'boolean') return c ? 'Yes' : 'No';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'object') return Number.isFinite(c.decimal) ? c.decimal.toFixed(c.places) : '';
  return needsGuard(c) ? `${FORMULA_GUARD}${c}` : c;
};

/** A whole CSV file's text: BOM, header row, one line per row, CRLF between lines. */
export const toCsv = (fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  `\uFEFF${Papa.unparse([fields.map(cellText), ...rows.map((r) => r.map(cellText))], { newline: '\r\n', escapeFormulae: false })}`;

/** Windows-1252's characters at bytes 0x80–0x9F (€, curly quotes, dashes…), where Latin-1 has controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Whether the bytes hold a UTF-8 byte-order mark or any letter written in UTF-8 (a lead byte and its
 * continuation bytes). Windows-1252 text almost never does: it would need, say, "Ã" followed by "©".
 */
const hasUtf8 = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (more === 0 || i + more >= bytes.length) continue;
    let whole = true;
    for (let k = 1; k <= more; k += 1) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) whole = false;
    if (whole) return true;
  }
  return false;
};

/**
 * The text of a CSV file a user chose. UTF-16 when it starts with that byte-order mark; CSV UTF-8 (its
 * byte-order mark dropped) when the bytes are UTF-8; otherwise Windows-1252, which Excel writes for
 * "CSV (Comma delimited)" on an en-GB Windows and which, read as UTF-8, turns Zoë into Zo\uFFFD. Mapped
 * here by hand: Node's TextDecoder reads windows-1252 as Latin-1, so 0x80–0x9F would become controls.
 * A file that is UTF-8 but for a stray byte (a line typed in an editor set to Windows-1252) is still read
 * as UTF-8, with \uFFFD for that byte, which the staff import refuses by name: read as Windows-1252, every
 * accent written in UTF-8 would become two letters ("ZoÃ«") and be imported without a word.
 */
export const decodeCsvFile = (bytes: Uint8Array): string => {
  // UTF-16 by its byte-order mark: what Calc writes for "Text CSV" saved with the Unicode character set.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (hasUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  return Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
};
