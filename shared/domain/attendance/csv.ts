/** CSV as spreadsheets and payroll imports read it. */
import Papa from 'papaparse';

/** A CSV with a header row and CRLF line ends; cells that look like formulae are escaped so they stay text. */
export const toCsv = (fields: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string =>
  Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map((c) => c ?? '')) }, { escapeFormulae: true, newline: '\r\n' });
