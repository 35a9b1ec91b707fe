import { TriangleAlert } from 'lucide-react';
import type { Gap } from '../../../shared/domain/rota';
import { addDays, formatDayShort, formatMinutes } from '../../../shared/domain/dates';

/** A cover gap on the grid: when, and how many people short; a gap running on from an earlier day says so. */
export const GapMark = ({ gap, day }: { gap: Gap; day: string }) => {
  if (day !== gap.date) {
    return (
      <div className="gap-mark" title={`${formatMinutes(gap.shortMinutes)} of cover short`}>
        <TriangleAlert aria-hidden size={13} />
        <span>
          <strong>Gap</strong> continues from {formatDayShort(gap.date)} {gap.start} · {gap.required - gap.present} short
        </span>
      </div>
    );
  }
  const short = gap.required - gap.present;
  const until =
    gap.endDate === gap.date
      ? gap.end
      : gap.endDate === addDays(gap.date, 1)
        ? `${gap.end} next day`
        : `${formatDayShort(gap.endDate)} ${gap.end}`;
  return (
    <div className="gap-mark" title={`${formatMinutes(gap.shortMinutes)} of cover short`}>
      <TriangleAlert aria-hidden size={13} />
      <span>
        <strong>Gap</strong> {gap.start}–{until} · {short} short
      </span>
    </div>
  );
};
