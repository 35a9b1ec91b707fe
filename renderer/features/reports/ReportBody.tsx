import { INCIDENT_CATEGORIES } from '../../../shared/schemas/incident';
import { formatDateGB } from '../../../shared/domain/dates';
import { ReportChart } from './ReportChart';
import type { Report } from './reportsSlice';
import { counted } from '../../../shared/domain/counted';

const h = (m: number) => Math.round((m / 60) * 10) / 10;
const COLOURS = ['#1f4f8a', '#b0581a', '#1b6e43', '#6b3fa0', '#a3241c', '#5a6573'];

const Table = ({ head, rows }: { head: string[]; rows: (string | number)[][] }) =>
  rows.length === 0 ? (
    <p className="empty">Nothing in this range.</p>
  ) : (
    <table className="table table-dense">
      <thead>
        <tr>
          {head.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

/** Chart, summary and table for one loaded report. */
export const ReportBody = ({ report, from }: { report: Report; from: string }) => {
  switch (report.kind) {
    case 'reports:hours': {
      const people = report.data.people;
      const teams = new Map<string, { team: string; paid: number; contract: number }>();
      for (const p of people) {
        const t = teams.get(p.team) ?? { team: p.team, paid: 0, contract: 0 };
        t.paid += h(p.paidMinutes);
        t.contract += h(p.contractMinutes);
        teams.set(p.team, t);
      }
      const data = [...teams.values()].map((t) => ({ team: t.team, paid: Math.round(t.paid), contract: Math.round(t.contract) }));
      const over = people.filter((p) => p.contractMinutes > 0 && p.paidMinutes > p.contractMinutes).length;
      return (
        <>
          <ReportChart
            data={data}
            x="team"
            unit=" h"
            series={[
              { key: 'paid', label: 'Paid hours', colour: COLOURS[0] },
              { key: 'contract', label: 'Contracted hours', colour: COLOURS[1] },
            ]}
            summary={`Paid against contracted hours for ${data.length} teams; ${over} people over their contract.`}
          />
          <p className="summary">
            {people.length} people; {over} over their contracted hours.
          </p>
          <Table
            head={['Name', 'Team', 'Paid hours', 'Contracted hours', 'Difference']}
            rows={people.map((p) => [p.name, p.team, h(p.paidMinutes), h(p.contractMinutes), h(p.paidMinutes - p.contractMinutes)])}
          />
        </>
      );
    }
    case 'reports:cover': {
      const rows = report.data.rows;
      const latest = rows.length ? rows[rows.length - 1].week : null;
      const data = rows
        .filter((r) => r.week === latest)
        .map((r) => ({ name: `${r.site} ${r.service}`, achieved: r.percent, planned: r.plannedPercent }));
      const low = rows.filter((r) => r.percent !== null && r.percent < 95);
      const { firstWeek } = report.data;
      return (
        <>
          {firstWeek === null ? (
            <p className="summary">No rota on record yet, so there is no cover to measure.</p>
          ) : (
            firstWeek > from && (
              <p className="summary">
                The report starts at the week of {formatDateGB(firstWeek)}, the first with a rota: earlier weeks have no data.
              </p>
            )
          )}
          <ReportChart
            data={data}
            x="name"
            unit="%"
            series={[
              { key: 'achieved', label: 'Achieved so far %', colour: COLOURS[2] },
              { key: 'planned', label: 'Planned %', colour: COLOURS[0] },
            ]}
            summary={`Cover for the week of ${latest ?? 'none'}: ${data.map((d) => `${d.name} ${d.achieved ?? '—'}%`).join(', ')}.`}
          />
          <p className="summary">
            {low.length === 0 ? '✓ Every site and service at 95% or more.' : `⚠ ${low.length} site-service weeks under 95% achieved.`}
          </p>
          <Table
            head={['Week starting', 'Site', 'Service', 'Required person-hours so far', 'Covered person-hours', 'Achieved %', 'Planned %']}
            rows={rows.map((r) => [
              r.week,
              r.site,
              r.service,
              h(r.requiredMinutes),
              h(r.coveredMinutes),
              r.percent ?? '—',
              r.plannedPercent ?? '—',
            ])}
          />
        </>
      );
    }
    case 'reports:cost': {
      const rows = report.data.rows;
      // One site: its weeks side by side; several: each site's total for the range.
      const sites = new Set(rows.map((r) => r.site));
      const by = sites.size === 1 ? 'week' : 'site';
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(r[by], (sums.get(r[by]) ?? 0) + r.cost);
      const data = [...sums].map(([key, cost]) => ({ [by]: key, cost: Math.round(cost) }));
      const total = data.reduce((n, d) => n + (d.cost as number), 0);
      return (
        <>
          <ReportChart
            data={data}
            x={by}
            series={[{ key: 'cost', label: 'Labour cost (£)', colour: COLOURS[0] }]}
            summary={`Labour cost by ${by} for the range, £${total} in all.`}
          />
          <p className="summary">
            £{total.toLocaleString('en-GB')} across {counted(sites.size, 'site')}.
          </p>
          <Table
            head={['Week starting', 'Site', 'Paid hours', 'Cost (£)']}
            rows={rows.map((r) => [r.week, r.site, h(r.paidMinutes), r.cost.toFixed(2)])}
          />
        </>
      );
    }
    case 'reports:incidents': {
      const rows = report.data.rows;
      const bySite = new Map<string, Record<string, string | number>>();
      for (const r of rows) {
        const d = bySite.get(r.site) ?? { site: r.site };
        d[r.category] = ((d[r.category] as number | undefined) ?? 0) + r.count;
        bySite.set(r.site, d);
      }
      const total = rows.reduce((n, r) => n + r.count, 0);
      return (
        <>
          <ReportChart
            data={[...bySite.values()]}
            x="site"
            stacked
            series={INCIDENT_CATEGORIES.map((c, i) => ({ key: c, label: c, colour: COLOURS[i] }))}
            summary={`${total} incidents across ${bySite.size} sites, by category.`}
          />
          <p className="summary">{total} incidents.</p>
          <Table head={['Month', 'Site', 'Category', 'Incidents']} rows={rows.map((r) => [r.month, r.site, r.category, r.count])} />
        </>
      );
    }
    case 'reports:licences': {
      const rows = report.data.rows;
      const bands = [
        { band: 'Expired', count: rows.filter((r) => r.daysLeft < 0).length },
        { band: '0–30 days', count: rows.filter((r) => r.daysLeft >= 0 && r.daysLeft <= 30).length },
        { band: '31–60 days', count: rows.filter((r) => r.daysLeft > 30 && r.daysLeft <= 60).length },
        { band: '61–90 days', count: rows.filter((r) => r.daysLeft > 60).length },
      ];
      return (
        <>
          <ReportChart
            data={bands}
            x="band"
            series={[{ key: 'count', label: 'SIA licences', colour: COLOURS[4] }]}
            summary={bands.map((b) => `${b.band}: ${b.count}`).join(', ')}
          />
          <p className="summary">{rows.length} SIA licences expired or expiring within 90 days.</p>
          <Table
            head={['Name', 'Home site', 'Licence', 'Expires', 'Days left', 'Status']}
            rows={rows.map((r) => [
              r.name,
              r.homeSite ?? '—',
              r.number,
              r.expires,
              r.daysLeft,
              r.status === 'expired' ? '✕ Expired' : '⚠ Expiring',
            ])}
          />
        </>
      );
    }
  }
};
