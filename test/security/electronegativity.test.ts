import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import allowList from './electronegativity-allow.json';

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
}

/** Splits one CSV line of electronegativity's report, honouring quotes and doubled quotes. */
const csvLine = (line: string): string[] => {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
};

describe('electronegativity (Electron 45.5.0) over main/, renderer/ and the built out/', () => {
  let findings: Finding[] = [];

  beforeAll(() => {
    // The unit tests run before the e2e step builds; a fresh checkout builds here so out/ is scanned too.
    if (!fs.existsSync('out/main/index.js') || !fs.existsSync('out/renderer/index.html')) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    // It takes one input folder: scan a copy holding the three.
    const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-en-'));
    for (const dir of ['main', 'renderer', 'out']) fs.cpSync(dir, path.join(scan, dir), { recursive: true });
    const csv = path.join(scan, 'report.csv');
    execFileSync('npx', ['electronegativity', '-i', scan, '-e', '45.5.0', '-r', '-o', csv], { stdio: 'ignore' });
    findings = fs
      .readFileSync(csv, 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
      .map(csvLine)
      .map(([check, severity, , file, location, , description]) => ({ check, severity, file, location, description }));
    fs.rmSync(scan, { recursive: true, force: true });
  }, 120_000);

  it('reports nothing that is not on the reviewed allow-list', () => {
    console.info(`electronegativity: ${findings.length} findings, all on the allow-list or reported below`);
    const allowed = (f: Finding) => allowList.allowed.some((a) => a.check === f.check && a.file === f.file);
    expect(findings.filter((f) => !allowed(f)).map((f) => `${f.check} ${f.severity} ${f.file}:${f.location} ${f.description}`)).toEqual([]);
  });

  it('has a reason for every allowed finding', () => {
    for (const a of allowList.allowed) expect(a.reason.length, `${a.check} ${a.file}`).toBeGreaterThan(40);
  });
});
