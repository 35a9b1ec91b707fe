import { describe, expect, it } from 'vitest';
import { decodeCsvFile } from '../../../shared/domain/csv';

const NAMES = "Name\r\nZoë Ó'Brien\r\nSiân Llŷr\r\n£12.50 – ‘quoted’ €\r\n";

describe('decodeCsvFile', () => {
  it('reads a CSV UTF-8 file, with or without its byte-order mark', () => {
    expect(decodeCsvFile(new TextEncoder().encode(`\uFEFF${NAMES}`))).toBe(NAMES);
    expect(decodeCsvFile(new TextEncoder().encode(NAMES))).toBe(NAMES);
  });

  it('reads the Windows-1252 file Excel writes as "CSV (Comma delimited)", accents, pound sign and all', () => {
    // The bytes Excel on an en-GB Windows writes for these characters (ŷ is not in Windows-1252).
    const ansi = Buffer.concat([
      Buffer.from('Name\r\nZo', 'latin1'),
      Buffer.from([0xeb]),
      Buffer.from(' ', 'latin1'),
      Buffer.from([0xd3]),
      Buffer.from("'Brien\r\nSi", 'latin1'),
      Buffer.from([0xe2]),
      Buffer.from('n\r\n', 'latin1'),
      Buffer.from([0xa3]),
      Buffer.from('12.50 ', 'latin1'),
      Buffer.from([0x96, 0x20, 0x91]),
      Buffer.from('quoted', 'latin1'),
      Buffer.from([0x92, 0x20, 0x80, 0x0d, 0x0a]),
    ]);
    expect(decodeCsvFile(ansi)).toBe("Name\r\nZoë Ó'Brien\r\nSiân\r\n£12.50 – ‘quoted’ €\r\n");
  });

  it('reads a UTF-8 file with one byte that is not UTF-8 as UTF-8, marking that byte, not turning every accent into two letters', () => {
    // A CSV UTF-8 file (byte-order mark and all) into which one line was typed in an editor set to Windows-1252.
    const mixed = Buffer.concat([
      Buffer.from("\uFEFFName,Employee number\r\nZoë Ó'Brien,E1\r\nJos", 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(' Silva,E2\r\n', 'latin1'),
    ]);
    // The names written in UTF-8 stay as written; the one letter that is not UTF-8 is marked, so the import refuses
    // that cell and asks for the file as CSV UTF-8, rather than importing "ZoÃ« Ã“'Brien" without a word.
    expect(decodeCsvFile(mixed)).toBe("Name,Employee number\r\nZoë Ó'Brien,E1\r\nJos\uFFFD Silva,E2\r\n");
    const noMark = Buffer.concat([Buffer.from('Name\r\nSiân\r\nJos', 'utf8'), Buffer.from([0xe9, 0x0d, 0x0a])]);
    expect(decodeCsvFile(noMark)).toBe('Name\r\nSiân\r\nJos\uFFFD\r\n');
  });

  it('reads a UTF-16 file by its byte-order mark, as Calc writes "Text CSV" with the Unicode character set', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAMES, 'utf16le')]);
    expect(decodeCsvFile(le)).toBe(NAMES);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeCsvFile(be)).toBe(NAMES);
  });
});
