/** The bench's results as data and as a page a person reads. */
import type { Scale } from '../main/seed/demo';

export interface Measurement {
  name: string;
  scale: Scale;
  unit: string;
  median: number | null;
  p95: number | null;
  n?: number;
  target: string | null;
  status: 'met' | 'missed' | 'info' | 'skipped' | 'not available';
  note?: string;
  /** The machine's 1-minute load average when the measurement was taken (it is shared and noisy). */
  load?: number;
}

export interface Results {
  date: string;
  finished: string;
  seed: number;
  quick: boolean;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string; loadAverageAtStart: number[] };
  data: Record<string, Record<string, unknown>>;
  measurements: Measurement[];
}

const cell = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

/** latest.md: the machine, the data, one table row per measurement with its target and verdict, then the reviewed findings. */
export const renderMarkdown = (r: Results, findings = ''): string => {
  const lines = [
    '# SiteDesk benchmark results',
    '',
    `Run ${r.date} → ${r.finished}${r.quick ? ' (quick: fewer repetitions)' : ''}, seed ${r.seed}. Written by \`npm run bench\`; see README.md.`,
    '',
    `Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB memory, Node ${r.machine.node}, ${r.machine.platform}. Load average at start: ${r.machine.loadAverageAtStart.join(' / ')} (the machine is shared; timings are noisier than on a desk PC).`,
    '',
    '## Data',
    '',
    '| scale | shifts | incidents | log entries | attendance | staff | files | MB | generated this run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...Object.entries(r.data).map(
      ([scale, d]) =>
        `| ${scale} | ${d.shifts} | ${d.incidents} | ${d.logEntries} | ${d.attendance} | ${d.staff} | ${d.files} | ${Math.round(Number(d.bytes) / 2 ** 20)} | ${d.generatedThisRun ? `yes, ${Math.round(Number(d.generateMs) / 1000)} s` : 'no (cached)'} |`,
    ),
    '',
    '## Measurements',
    '',
    '| measurement | scale | median | p95 | n | unit | target | verdict | load | notes |',
    '| --- | --- | ---: | ---: | ---: | --- | --- | --- | ---: | --- |',
    ...r.measurements.map(
      (m) =>
        `| \`${m.name}\` | ${m.scale} | ${cell(m.median)} | ${cell(m.p95)} | ${cell(m.n)} | ${m.unit} | ${m.target ?? ''} | ${m.status === 'met' ? '**met**' : m.status === 'missed' ? '**MISSED**' : m.status} | ${cell(m.load)} | ${(m.note ?? '').replace(/\|/g, '/')} |`,
    ),
    '',
    findings,
  ];
  return lines.join('\n');
};
