/**
 * The staff list as a manager takes it out and brings it back: exported, opened in LibreOffice Calc,
 * saved again as CSV (with commas, and with the semicolons some locales write) and read by the import.
 * Payroll numbers with leading zeros and phone numbers written without spaces must come back as they
 * went out, and show as typed in the spreadsheet in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, okData } from '../../support/app';
import { DESK_NOW, DESK_PASSWORD, DESK_STAFF, seedDesk } from '../../support/deskWorld';
import { libreOfficeResaved, libreOfficeSheets, type Cell } from '../../support/realTools';
import { parseStaffCsv } from '../../../shared/domain/directory/staffCsv';
import type { Staff } from '../../../shared/schemas/staff';

const PEOPLE: Staff[] = [
  { ...DESK_STAFF.cleo, name: 'Zoë Ó\'Brien, "Zed"', employeeNumber: '00123', phone: '07700900123', optOut: { signed: '2028-02-29' } },
  { ...DESK_STAFF.rhea, name: 'Llŷr ap Siôn 😀', employeeNumber: '12E3', phone: '+44 7700 900123' },
  { ...DESK_STAFF.carla, name: 'سارة الهاشمي', employeeNumber: '0042', phone: '01632 960001' },
  { ...DESK_STAFF.sam, name: '=Sam Guard', phone: '-' },
];

let t: TestApp;
let exported: string;
let sheet: Cell[];
let resaved: Record<string, string>;

beforeAll(async () => {
  t = openTestApp({ start: DESK_NOW });
  await seedDesk(t.opened.app);
  t.opened.app.repos.staff.putMany(PEOPLE);
  const m = t.session();
  okData(await t.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m));
  exported = okData(await t.call('staff:export', { includePay: true }, m)).text;
  sheet = libreOfficeSheets({ staff: exported }).staff;
  resaved = { ...libreOfficeResaved({ comma: exported }, ','), ...libreOfficeResaved({ semicolon: exported }, ';') };
}, 180_000);
afterAll(() => t?.opened.close());

const columnOf = (header: string) => sheet.find((c) => c.row === 0 && c.value === header)!.col;
/** What Calc holds in `header`'s column on the row whose name cell contains `name`. */
const shown = (name: string, header: string) => {
  const row = sheet.find((c) => c.col === columnOf('Name') && c.value.includes(name))!.row;
  const cell = sheet.find((c) => c.row === row && c.col === columnOf(header));
  return { type: cell?.type, value: cell?.value };
};

describe('the staff list through LibreOffice Calc and back', () => {
  it('shows employee and phone numbers as typed, leading zeros and all, as text', () => {
    expect(shown('Zoë', 'Employee number')).toMatchObject({ type: 's', value: expect.stringMatching(/^'?00123$/) });
    expect(shown('Zoë', 'Phone')).toMatchObject({ type: 's', value: expect.stringMatching(/^'?07700900123$/) });
    expect(shown('Llŷr', 'Employee number')).toMatchObject({ type: 's', value: expect.stringMatching(/^'?12E3$/) });
    expect(shown('سارة', 'Employee number')).toMatchObject({ type: 's', value: expect.stringMatching(/^'?0042$/) });
  });

  it.each(['comma', 'semicolon'])('imports the file Calc saved (%s-separated) as the people exported', (kind) => {
    const result = parseStaffCsv(resaved[kind], []);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.flatMap((r) => r.errors.map((e) => `line ${r.line} ${e.column}: ${e.message}`))).toEqual([]);
    const read = result.rows.map((r) => r.input!);
    for (const p of PEOPLE) {
      const back = read.find((r) => r.name === p.name);
      expect(back, p.name).toMatchObject({
        employeeNumber: p.employeeNumber,
        phone: p.phone,
        payRate: p.payRate,
        contractedHours: p.contractedHours,
        optOut: p.optOut,
        sia: p.sia,
      });
    }
  });
});
