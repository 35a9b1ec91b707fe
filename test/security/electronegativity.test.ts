import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../support/freshBuild';
import allowList from './electronegativity-allow.json';

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
  /** The flagged line's text, trimmed: what an allow-list entry must match. */
  code: string;
}

interface Allowed {
  check: string;
  file: string;
  /** Text the flagged line must contain: the entry covers that one line of code, wherever it moves. */
  code: string;
  reason: string;
}

/** The part of electronegativity's SARIF report this test reads. */
interface Sarif {
  runs: {
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

const allowed: Allowed[] = allowList.allowed;

describe('electronegativity (Electron 45.5.0) over main/, renderer/ and a fresh build of them', () => {
  let findings: Finding[] = [];

  beforeAll(() => {
    // Built now from these sources into a new folder, never whatever out/ happens to hold.
    const build = freshBuild();
    // It takes one input folder: scan a copy holding the sources and the build (as out/).
    const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'sitedesk-en-'));
    for (const dir of ['main', 'renderer']) fs.cpSync(dir, path.join(scan, dir), { recursive: true });
    fs.cpSync(build.dir, path.join(scan, 'out'), { recursive: true });
    build.remove();
    // SARIF, not CSV: electronegativity writes its CSV header and rows with two racing async writes,
    // and on a busy machine the header lands over the first row (CI saw exactly that).
    const report = path.join(scan, 'report.sarif');
    // Run with its network look-ups tried once each (see electronegativityOnce.mjs): 9 s of retry pauses before.
    const tool = path.resolve('node_modules/@doyensec/electronegativity/dist/index.js');
    const once = path.resolve('test/security/electronegativityOnce.mjs');
    execFileSync(process.execPath, ['--import', pathToFileURL(once).href, tool, '-i', scan, '-e', '45.5.0', '-r', '-o', report], {
      stdio: 'ignore',
    });
    const sarif = JSON.parse(fs.readFileSync(report, 'utf8')) as Sarif;
    findings = sarif.runs.flatMap((run) =>
      run.results.map((r) => {
        const where = r.locations[0]?.physicalLocation;
        const file = where?.artifactLocation.uri ?? '';
        const line = where?.region.startLine ?? 0;
        const lines = fs.existsSync(path.join(scan, file)) ? fs.readFileSync(path.join(scan, file), 'utf8').split('\n') : [];
        return {
          check: r.ruleId,
          severity: r.level,
          file,
          location: String(line),
          description: r.message.text,
          code: (lines[line - 1] ?? '').trim().slice(0, 300),
        };
      }),
    );
    fs.rmSync(scan, { recursive: true, force: true });
  }, 120_000);

  it('reports nothing that is not on the reviewed allow-list', () => {
    console.info(`electronegativity: ${findings.length} findings, all on the allow-list or reported below`);
    // The scan really read the window code: the preload review prompt is always there.
    expect(findings.some((f) => f.check === 'PRELOAD_JS_CHECK' && f.file === 'main/window.ts')).toBe(true);
    const covers = (a: Allowed, f: Finding) => a.check === f.check && a.file === f.file && a.code.length > 0 && f.code.includes(a.code);
    expect(
      findings
        .filter((f) => !allowed.some((a) => covers(a, f)))
        .map((f) => `${f.check} ${f.severity} ${f.file}:${f.location} ${f.description} | ${f.code}`),
    ).toEqual([]);
    // No entry outlives the code it was written for.
    expect(allowed.filter((a) => !findings.some((f) => covers(a, f))).map((a) => `${a.check} ${a.file} ${a.code}`)).toEqual([]);
  });

  it('has a reason for every allowed finding, and each entry names one line of code', () => {
    for (const a of allowed) {
      expect(a.reason.length, `${a.check} ${a.file}`).toBeGreaterThan(40);
      expect(a.code.length, `${a.check} ${a.file}`).toBeGreaterThan(8);
    }
  });
});
