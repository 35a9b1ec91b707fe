import { autofillWorld, MAX_CANDIDATES } from './autofill';
import { buildModel, toLp } from '../shared/domain/rota/autofill/model';
import { planFill } from '../main/services/autofill/plan';
const K = Number(process.argv[2] ?? MAX_CANDIDATES);
const month = autofillWorld(1);
const wk = month.open.filter((s) => s.date >= '2026-12-07' && s.date <= '2026-12-13');
let t = performance.now();
const m = buildModel({ ...month.ctx, shifts: wk }, { open: wk, maxCandidates: K });
console.log('build', ((performance.now() - t) / 1000).toFixed(1), 's', 'shifts', wk.length, 'cols', m.columns.length, 'pairs', m.pairs.size, 'rows', m.rows.length, 'lp chars', toLp(m).length);
t = performance.now();
planFill({ ...month.ctx, shifts: wk }, wk, { relGap: 0.02, timeLimitS: 60, maxCandidates: K, onProgress: (p) => console.log('progress', JSON.stringify(p)) }).then((p) => {
  console.log('plan', p.seconds.toFixed(1), 'first', p.firstPlanSeconds, 'gap', p.gap, 'status', p.status, 'unfilled', p.unfilled.length, 'cuts', p.cuts, JSON.stringify(p.byTerm), JSON.stringify(p.warningsAdded));
  console.log(p.unfilled.slice(0, 3));
});
