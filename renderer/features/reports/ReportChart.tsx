import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
  colour: string;
}

/**
 * A bar chart with its text alternative: the figure gets a summary for screen readers, and every report
 * also shows the same numbers as a table below it.
 */
export const ReportChart = ({
  data,
  x,
  series,
  summary,
  unit,
  stacked,
}: {
  data: Record<string, string | number | null>[];
  x: string;
  series: Series[];
  summary: string;
  unit?: string;
  stacked?: boolean;
}) => (
  // Percentages always run 0–100 so a 15% week does not look full.
  <figure className="chart" role="img" aria-label={summary}>
    <BarChart width={900} height={300} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey={x} tick={{ fontSize: 13 }} interval={0} />
      <YAxis unit={unit} tick={{ fontSize: 13 }} domain={unit === '%' ? [0, 100] : undefined} allowDecimals={false} />
      <Tooltip />
      <Legend />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.colour}
          stackId={stacked ? 'a' : undefined}
          isAnimationActive={false}
          maxBarSize={72}
        />
      ))}
    </BarChart>
  </figure>
);
