/**
 * Opening a data folder reads the end of the change log, not all of it: a segment holds whole files
 * for every save (a generated or migrated folder logs every file it has), so reading it all made every
 * start cost about 20 ms per MB of log (a generated decade folder logs 670 MB).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeLog, CURRENT, PREVIOUS, changeLine } from '../../main/storage/changeLog';
import { tempDataDir } from '../support/server';

afterEach(() => vi.restoreAllMocks());

/** Bytes read from files under `dir` while `fn` runs, whichever fs call reads them. */
const bytesReadUnder = <T>(dir: string, fn: () => T): { result: T; bytes: number } => {
  const fds = new Map<number, string>();
  let bytes = 0;
  const openSync = fs.openSync.bind(fs);
  const readSync = fs.readSync.bind(fs) as (...a: unknown[]) => number;
  const readFileSync = fs.readFileSync.bind(fs) as (...a: unknown[]) => string | Buffer;
  vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(file, ...rest);
    fds.set(fd, String(file));
    return fd;
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    const n = readSync(fd, ...rest);
    if ((fds.get(fd) ?? '').startsWith(dir)) bytes += n;
    return n;
  }) as typeof fs.readSync);
  vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    const out = readFileSync(file, ...rest);
    if (String(file).startsWith(dir)) bytes += typeof out === 'string' ? Buffer.byteLength(out) : out.length;
    return out;
  }) as typeof fs.readFileSync);
  const result = fn();
  vi.restoreAllMocks();
  return { result, bytes };
};

/** A change writing one file of about `kb` KB, with non-ASCII text so characters cross read blocks. */
const bigChange = (seq: number, kb: number) => ({
  seq,
  at: '2026-11-25T12:00:00.000Z',
  writes: [{ rel: `partitions/shifts/2026-11-CH`, value: { records: { [`s${seq}`]: { notes: 'Café £ 東京 '.repeat(kb * 60) } } } }],
});

describe('opening the change log', () => {
  it('reads under 1 MB of a 22 MB log, and the next save still follows on from the last one logged', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    // 120 saves of about 100 KB each in the previous segment, 120 more in the current one.
    fs.writeFileSync(path.join(dir, PREVIOUS), Array.from({ length: 120 }, (_, i) => changeLine(bigChange(i + 1, 100))).join(''));
    fs.writeFileSync(path.join(dir, CURRENT), Array.from({ length: 120 }, (_, i) => changeLine(bigChange(i + 121, 100))).join(''));
    const logBytes = fs.statSync(path.join(dir, PREVIOUS)).size + fs.statSync(path.join(dir, CURRENT)).size;
    expect(logBytes).toBeGreaterThan(20 * 2 ** 20);

    const { result: log, bytes } = bytesReadUnder(dir, () => new ChangeLog(dir));
    expect(bytes).toBeLessThan(2 ** 20);
    expect(log.seq).toBe(240);
    expect(log.append([{ rel: 'directory/staff', value: { records: {} } }], '2026-11-25T12:01:00.000Z').seq).toBe(241);
  });

  it('with only the previous segment (just after a backup), continues from its last line', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, PREVIOUS), [7, 8, 9].map((seq) => changeLine(bigChange(seq, 1))).join(''));
    expect(new ChangeLog(dir).seq).toBe(9);
  });

  it('drops a last line cut off by a kill, keeps every whole line before it, and takes its number from the last whole line', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    const whole = [1, 2, 3].map((seq) => changeLine(bigChange(seq, 150))).join('');
    fs.writeFileSync(path.join(dir, CURRENT), whole + changeLine(bigChange(4, 150)).slice(0, 70_000));
    const log = new ChangeLog(dir);
    expect(log.seq).toBe(3);
    expect(fs.readFileSync(path.join(dir, CURRENT), 'utf8')).toBe(whole);
  });

  it('drops a last line whose checksum fails though it ends in a newline', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    const whole = [1, 2].map((seq) => changeLine(bigChange(seq, 1))).join('');
    fs.writeFileSync(path.join(dir, CURRENT), whole + changeLine(bigChange(3, 1)).replace('Café', 'Cafe'));
    expect(new ChangeLog(dir).seq).toBe(2);
    expect(fs.readFileSync(path.join(dir, CURRENT), 'utf8')).toBe(whole);
  });

  it('a folder with no segments starts at 0', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    expect(new ChangeLog(dir).seq).toBe(0);
  });

  it('still finds the newest good content of a file anywhere in the log, for restoring it', () => {
    const dir = path.join(tempDataDir('sitedesk-changelog-'), 'changes');
    fs.mkdirSync(dir);
    const staff = (seq: number, name: string) => ({
      seq,
      at: '2026-11-25T12:00:00.000Z',
      writes: [{ rel: 'directory/staff', value: { name } }],
    });
    fs.writeFileSync(path.join(dir, PREVIOUS), changeLine(staff(1, 'Ann')) + changeLine(bigChange(2, 200)));
    fs.writeFileSync(path.join(dir, CURRENT), changeLine(staff(3, 'Bea')) + changeLine(bigChange(4, 200)));
    const log = new ChangeLog(dir);
    const any = () => true;
    expect(log.latest('directory/staff', 0, any)).toEqual({ seq: 3, value: { name: 'Bea' } });
    expect(log.latest('directory/staff', 3, any)).toBeNull();
    expect(log.latest('directory/staff', 0, (v) => (v as { name: string }).name === 'Ann')).toEqual({ seq: 1, value: { name: 'Ann' } });
  });
});
