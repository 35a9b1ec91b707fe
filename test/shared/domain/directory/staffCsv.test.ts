import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_CSV_TEMPLATE, parseStaffCsv, staffToCsv, type StaffCsvRow } from '../../../../shared/domain/directory';
import { staffInputSchema, type StaffInput } from '../../../../shared/schemas/staff';
import { makeOfficer, makeStaff } from './factories';

const HEADER = 'Name,Employee number,Services,Home site,Contracted hours,Pay rate';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
const errorsOf = (row: StaffCsvRow) => row.errors.map((e) => `${e.column}: ${e.message}`);

describe('STAFF_CSV_TEMPLATE', () => {
  it('is the header line of every column', () => {
    expect(STAFF_CSV_TEMPLATE).toBe(
      '\uFEFFName,Employee number,Services,Home site,Familiar sites,Contract type,Contracted hours,Pay rate,Opt-out signed,Young worker,Date of birth,SIA number,SIA sector,SIA expiry,Phone',
    );
  });

  it('parses as a file with no rows', () => {
    expect(parseStaffCsv(STAFF_CSV_TEMPLATE, [])).toEqual({
      rows: [],
      fileErrors: ['The file has a header but no staff rows'],
      ignoredColumns: [],
      ok: false,
    });
  });
});

describe('parseStaffCsv: reading the file', () => {
  it('reads a simple row with the schema defaults', () => {
    const result = parseStaffCsv(csv('Jo Bloggs,E1001,Cleaning,CH,37.5,12.60'), []);
    expect(result.ok).toBe(true);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].line).toBe(2);
    expect(result.rows[0].input).toEqual(
      staffInputSchema.parse({
        name: 'Jo Bloggs',
        employeeNumber: 'E1001',
        services: ['cleaning'],
        homeSite: 'CH',
        contractedHours: 37.5,
        payRate: 12.6,
      }),
    );
  });

  it('handles a byte-order mark and Windows line ends', () => {
    const result = parseStaffCsv(`\uFEFF${HEADER}\r\nJo Bloggs,E1001,cleaning,CH,20,11\r\nAl Ng,E1002,reception,CH,30,12\r\n`, []);
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.line, r.input?.name, r.input?.employeeNumber])).toEqual([
      [2, 'Jo Bloggs', 'E1001'],
      [3, 'Al Ng', 'E1002'],
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks, and counts lines from the file', () => {
    const text = csv(
      '"Smith, Jo",E1001,cleaning,CH,20,11',
      '"Jo ""JJ"" Jones",E1002,cleaning,CH,20,11',
      '"Ann\r\nMarie",E1003,cleaning,CH,20,11',
      'Bob Hope,E1004,cleaning,CH,20,11',
    );
    const { rows } = parseStaffCsv(text, []);
    expect(rows.map((r) => r.values.name)).toEqual(['Smith, Jo', 'Jo "JJ" Jones', 'Ann\r\nMarie', 'Bob Hope']);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('skips blank and empty trailing lines but keeps line numbers true', () => {
    const { rows, ok } = parseStaffCsv(`${HEADER}\n\nJo,E1001,cleaning,CH,20,11\n  \n,,,,,\nAl,E1002,cleaning,CH,20,11\n\n\n`, []);
    expect(ok).toBe(true);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it.each([
    ['Employee No', 'E1001'],
    ['EMP NO.', 'E1001'],
    ['employee number', 'E1001'],
    ['Employee_Number', 'E1001'],
    ['Payroll No', 'E1001'],
  ])('reads the employee number from a %j column', (header, value) => {
    const result = parseStaffCsv(`Full Name,${header},SERVICE,Weekly Hours,Hourly Rate\nJo,${value},cleaning,20,11`, []);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0].input?.employeeNumber).toBe(value);
  });

  it('reads unquoted "Security; Cleaning" in a comma file', () => {
    const result = parseStaffCsv(csv('Jo,E1001,Security; Cleaning,CH,20,11', 'Al,E1002,reception,CH,20,11'), []);
    expect(result.rows.map((r) => r.input?.services)).toEqual([['security', 'cleaning'], ['reception']]);
  });

  it('reads a semicolon-separated file', () => {
    const result = parseStaffCsv('Name;Emp No;Services;Hours;Pay\r\nJo;E1001;"security,cleaning";20;11', []);
    expect(result.ok).toBe(true);
    expect(result.rows[0].input?.services).toEqual(['security', 'cleaning']);
  });

  it('reads the decimal commas of a semicolon file saved where 12,50 means twelve pounds fifty', () => {
    const result = parseStaffCsv(
      '\uFEFFName;Emp No;Services;Hours;Pay\r\nZoë;E1001;security;37,5;12,50\r\nLlŷr;E1002;cleaning;20;12,5\r\n;;;;\r\n',
      [],
    );
    expect(result.rows.flatMap(errorsOf)).toEqual([]);
    expect(result.rows.map((r) => [r.input?.contractedHours, r.input?.payRate])).toEqual([
      [37.5, 12.5],
      [20, 12.5],
    ]);
  });

  it('lists columns it does not read', () => {
    const result = parseStaffCsv('Name,Emp No,Services,Hours,Rate,Department,NI Number\nJo,E100,cleaning,20,11,FM,QQ123456C', []);
    expect(result.ok).toBe(true);
    expect(result.ignoredColumns).toEqual(['Department', 'NI Number']);
  });

  it.each([
    [
      'Name,Services,Contracted hours,Pay rate\nJo,cleaning,20,11',
      [
        'There is no Employee number column (also read as: employee no, emp no, emp number, employee num, employee id, staff number, staff no, payroll number, payroll no)',
      ],
    ],
    [
      'Name,Emp No,Employee Number,Services,Hours,Pay\nJo,E1,E1,cleaning,20,11',
      ['The columns "Emp No" and "Employee Number" both give the employee number: keep one'],
    ],
    ['', ['The file is empty']],
    ['\n\n', ['The file is empty']],
  ])('refuses a bad file: %j', (text, fileErrors) => {
    expect(parseStaffCsv(text, [])).toMatchObject({ rows: [], fileErrors, ok: false });
  });

  it('refuses a file with an unclosed quote', () => {
    const result = parseStaffCsv(csv('"Jo Bloggs,E1001,cleaning,CH,20,11', 'Al,E1002,cleaning,CH,20,11'), []);
    expect(result.ok).toBe(false);
    expect(result.fileErrors[0]).toMatch(/quote .* never closed/);
  });

  it('names the file line the unclosed quote starts on, as the preview numbers lines', () => {
    const result = parseStaffCsv(
      csv(
        '"Ann\r\nMarie",E1001,cleaning,CH,20,11',
        'Jo Bloggs,E1002,cleaning,CH,20,11',
        '"Al Ng,E1003,cleaning,CH,20,11',
        'Bo,E1004,cleaning,CH,20,11',
      ),
      [],
    );
    expect(result.fileErrors).toEqual(['A quote on line 5 is never closed, so the rest of the file cannot be read']);
  });
});

describe('parseStaffCsv: cells', () => {
  const full =
    'Name,Emp No,Services,Home site,Familiar sites,Contract,Hours,Pay rate,Opt out,Young worker,DOB,SIA Licence Number,SIA sector,SIA expiry,Mobile';
  const one = (row: string) => parseStaffCsv(`${full}\n${row}`, []).rows[0];

  it('reads every column', () => {
    const row = one(
      'Jo Bloggs,E1001,"Security; Cleaning",ch,"FH, wgc",Part time,"24",£13.25,01/02/2024,no,3/7/1990,1234 5678 9012 3456,Security Guarding,2027-05-31,07700 900123',
    );
    expect(row.errors).toEqual([]);
    expect(row.input).toMatchObject({
      services: ['security', 'cleaning'],
      homeSite: 'CH',
      familiarSites: ['FH', 'WGC'],
      contractType: 'part-time',
      contractedHours: 24,
      payRate: 13.25,
      optOut: { signed: '2024-02-01' },
      youngWorker: false,
      dateOfBirth: '1990-07-03',
      sia: { number: '1234567890123456', sector: 'security-guarding', expires: '2027-05-31' },
      phone: '07700 900123',
    });
  });

  it.each<[string, string, string[]]>([
    ['services separated by commas', 'security,cleaning', ['security', 'cleaning']],
    ['services with spaces and case', ' Reception ; SECURITY ', ['reception', 'security']],
    ['a service twice', 'cleaning;Cleaning', ['cleaning']],
  ])('reads %s', (_, services, expected) => {
    expect(one(`Jo,E1001,"${services}",CH,,,20,11,,,,,,,`).input?.services).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['an unknown service', 'Security; Catering', ['Services: Unknown service "catering": use reception, security or cleaning']],
    ['no services', '', ['Services: Services is required']],
  ])('refuses %s', (_, services, errors) => {
    const row = one(`Jo,E1001,"${services}",CH,,,20,11,,,,,,,`);
    expect(errorsOf(row)).toEqual(errors);
    expect(row.input).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ['a date in words', '1 March 2024', 'Opt-out signed: Write opt-out signed as dd/mm/yyyy or yyyy-mm-dd, not 1 March 2024'],
    ['a date that does not exist', '31/02/2024', 'Opt-out signed: 31/02/2024 is not a date that exists'],
    [
      'a US date that is not a real UK one',
      '02/13/2024',
      'Opt-out signed: 02/13/2024 is not a date: it looks like month/day; write 13/02/2024',
    ],
    ['the issue’s example', '06/15/2027', 'Opt-out signed: 06/15/2027 is not a date: it looks like month/day; write 15/06/2027'],
    ['a two-digit year', '01/02/24', 'Opt-out signed: Write opt-out signed as dd/mm/yyyy or yyyy-mm-dd, not 01/02/24'],
  ])('refuses %s', (_, date, error) => {
    expect(errorsOf(one(`Jo,E1001,cleaning,CH,,,20,11,${date},,,,,,`))).toEqual([error]);
  });

  it.each<[string, string, string]>([
    ['leap day', '29/02/2028', '2028-02-29'],
    ['single digits', '1/3/2026', '2026-03-01'],
    ['ISO', '2026-03-01', '2026-03-01'],
  ])('reads a %s date', (_, date, iso) => {
    expect(one(`Jo,E1001,cleaning,CH,,,20,11,${date},,,,,,`).input?.optOut).toEqual({ signed: iso });
  });

  it.each<[string, string, string[]]>([
    ['missing name', ',E1001,cleaning,CH,,,20,11,,,,,,,', ['Name: Name is required']],
    ['missing employee number', 'Jo,,cleaning,CH,,,20,11,,,,,,,', ['Employee number: Employee number is required']],
    ['bad employee number', 'Jo,E 1,cleaning,CH,,,20,11,,,,,,,', ['Employee number: An employee number is 3–20 letters, digits or dashes']],
    [
      'missing hours and pay',
      'Jo,E1001,cleaning,CH,,,,,,,,,,,',
      ['Contracted hours: Contracted hours is required', 'Pay rate: Pay rate is required'],
    ],
    ['hours not a number', 'Jo,E1001,cleaning,CH,,,lots,11,,,,,,,', ['Contracted hours: Contracted hours must be a number, not lots']],
    [
      'a name with a letter the file lost',
      'Zo\uFFFD Smith,E1001,cleaning,CH,,,20,11,,,,,,,',
      ['Name: Zo\uFFFD Smith has a character that could not be read (\uFFFD): save the file as “CSV UTF-8” and choose it again'],
    ],
    ['pay with two commas', 'Jo,E1001,cleaning,CH,,,20,"1,2,5",,,,,,,', ['Pay rate: Pay rate must be a number, not 1,2,5']],
    ['too many hours', 'Jo,E1001,cleaning,CH,,,61,11,,,,,,,', ['Contracted hours: At most 60 contracted hours']],
    ['bad site code', 'Jo,E1001,cleaning,County Hall,,,20,11,,,,,,,', ['Home site: A site code is 2–4 capital letters, e.g. CH']],
    [
      'unknown contract',
      'Jo,E1001,cleaning,CH,,Casual,20,11,,,,,,,',
      ['Contract type: Contract type is full-time, part-time, zero-hours or relief, not Casual'],
    ],
    ['unclear young worker', 'Jo,E1001,cleaning,CH,,,20,11,,maybe,,,,,', ['Young worker: Write yes or no for young worker, not maybe']],
    ['SIA number too short', 'Jo,E1001,security,CH,,,20,11,,,,12345,cctv,2027-01-01,', ['SIA number: An SIA licence number is 16 digits']],
    [
      'SIA number mangled by Excel',
      'Jo,E1001,security,CH,,,20,11,,,,1.23457E+15,cctv,2027-01-01,',
      ['SIA number: An SIA licence number is 16 digits'],
    ],
    [
      'SIA without expiry',
      'Jo,E1001,security,CH,,,20,11,,,,1234567890123456,cctv,,',
      ['SIA expiry: SIA expiry is required with an SIA licence'],
    ],
    [
      'unknown SIA sector',
      'Jo,E1001,security,CH,,,20,11,,,,1234567890123456,bouncer,2027-01-01,',
      ['SIA sector: Choose the licence sector'],
    ],
  ])('reports %s', (_, line, errors) => {
    const row = one(line);
    expect(errorsOf(row)).toEqual(errors);
    expect(row.input).toBeUndefined();
  });

  it.each([
    ['Door Supervisor', 'door-supervision'],
    ['Public Space Surveillance (CCTV)', 'cctv'],
    ['CCTV', 'cctv'],
    ['key holding', 'key-holding'],
  ])('reads SIA sector %j', (sector, id) => {
    expect(one(`Jo,E1001,security,CH,,,20,11,,,,1234567890123456,${sector},2027-01-01,`).input?.sia?.sector).toBe(id);
  });

  it.each([
    ['Y', true],
    ['TRUE', true],
    ['no', false],
    ['', false],
  ])('reads young worker %j as %s', (cell, expected) => {
    expect(one(`Jo,E1001,cleaning,CH,,,20,11,,${cell},,,,,`).input?.youngWorker).toBe(expected);
  });
});

describe('parseStaffCsv: duplicates and rules', () => {
  it('marks every line of an employee number repeated in the file', () => {
    const { rows, ok } = parseStaffCsv(csv('Jo,E1001,cleaning,CH,20,11', 'Al,E1002,cleaning,CH,20,11', 'Jo B,e1001,cleaning,CH,20,11'), []);
    expect(ok).toBe(false);
    expect(errorsOf(rows[0])).toEqual(['Employee number: Employee number E1001 is on lines 2, 4 of the file']);
    expect(errorsOf(rows[2])).toEqual(['Employee number: Employee number e1001 is on lines 2, 4 of the file']);
    expect(rows[1].input).toBeDefined();
    expect(rows[0].input).toBeUndefined();
  });

  it('refuses an employee number already on file', () => {
    const existing = [makeStaff({ name: 'Priya Shah', employeeNumber: 'E1001' })];
    const { rows } = parseStaffCsv(csv('Jo,e1001,cleaning,CH,20,11'), existing);
    expect(errorsOf(rows[0])).toEqual(['Employee number: Employee number E1001 already belongs to Priya Shah']);
  });

  it('checks date rules and sites when given today', () => {
    const text = 'Name,Emp No,Services,Home site,Hours,Pay,Young worker,DOB,Opt out\nJo,E1001,security,ZZ,20,11,no,2010-01-01,2030-01-01';
    const row = parseStaffCsv(text, [], { todayIso: '2026-06-01', siteCodes: ['CH'] }).rows[0];
    expect(errorsOf(row)).toEqual([
      'Young worker: Born Fri 1 Jan 2010, so under 18: tick young worker so their limits are checked',
      'Opt-out signed: The opt-out cannot be signed after today',
      'Home site: There is no site ZZ',
    ]);
    expect(row.warnings).toEqual([
      { column: 'SIA number', message: 'No SIA licence: they cannot be put on security shifts until one is added' },
    ]);
  });

  it('does not check date rules without today', () => {
    const text = 'Name,Emp No,Services,Hours,Pay,DOB\nJo,E1001,security,20,11,2010-01-01';
    expect(parseStaffCsv(text, []).rows[0]).toMatchObject({ errors: [], warnings: [] });
  });
});

describe('staffToCsv', () => {
  const people: StaffInput[] = [
    makeOfficer('2027-03-31', {
      name: 'Smith, "Jo"',
      employeeNumber: 'S-0042',
      familiarSites: ['FH', 'WGC'],
      contractType: 'zero-hours',
      contractedHours: 0,
      payRate: 13.455,
      optOut: { signed: '2024-02-29' },
      dateOfBirth: '1988-11-05',
      phone: '+44 7700 900123',
    }),
    makeStaff({
      name: 'Ann\nMarie',
      services: ['reception', 'cleaning'],
      homeSite: null,
      youngWorker: true,
      dateOfBirth: '2009-09-09',
      phone: '=cmd',
    }),
    makeStaff({ name: 'Zoë Ó Súilleabháin', employeeNumber: '00123' }),
  ];
  // What a parsed row holds: the CSV's columns, and the schema defaults for everything it leaves out.
  const asImported = (s: StaffInput): StaffInput => ({ ...s, availability: {}, absences: [], notes: '' });

  it('round-trips through parseStaffCsv', () => {
    const result = parseStaffCsv(staffToCsv(people, { includePay: true }), [], { todayIso: '2026-06-01' });
    expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.input)).toEqual(people.map((p) => staffInputSchema.parse(asImported(p))));
  });

  const tricky = fc.oneof(
    fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', '\uFEFF', '0', '1', 'E', '/', ':', '.'),
    fc.string({ maxLength: 1 }),
  );

  it('round-trips any name and phone, even ones that look like formulas', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, minLength: 1, maxLength: 12 }), fc.string({ unit: tricky, maxLength: 12 }), (name, phone) => {
        fc.pre(name.trim().length > 0);
        const person = makeStaff({ name, phone, employeeNumber: 'E1001' });
        const row = parseStaffCsv(staffToCsv([person], { includePay: true }), []).rows[0];
        // Cells are trimmed on the way in, as HR files pad them; the schema trims names anyway.
        expect(row.input).toMatchObject({ name: name.trim(), phone: phone.trim() });
      }),
    );
  });

  it('writes one header and CRLF line ends, quoting where needed', () => {
    const text = staffToCsv([people[0]], { includePay: true });
    const [header, row] = text.split('\r\n');
    expect(header).toBe(STAFF_CSV_TEMPLATE);
    expect(row).toContain('"Smith, ""Jo"""');
    expect(row).toContain(',1234 5678 9012 3456,');
  });

  it('guards cells Excel would run as formulas', () => {
    const text = staffToCsv(people.slice(0, 2), { includePay: true });
    expect(text).toContain("'+44 7700 900123");
    expect(text).toContain("'=cmd");
  });

  it('leaves pay out unless asked', () => {
    const text = staffToCsv(people, { includePay: false });
    expect(text.split('\r\n')[0]).not.toContain('Pay rate');
    expect(text).not.toContain('13.455');
  });

  it('writes only the header line for no staff', () => {
    expect(staffToCsv([], { includePay: true })).toBe(STAFF_CSV_TEMPLATE);
  });
});
