import { coverTimeline, DAY_KEYS, dayLabel, isTwentyFourSeven, type Cover, type CoverSegment } from '../../../shared/domain/directory';
import { timeOfMinutes } from '../../../shared/domain/dates';
import { WEEKDAYS, type Service } from '../../../shared/schemas/common';
import type { DayKey } from '../../../shared/schemas/site';
import './sites.css';

const DAY = 1440;
const HOURS = [0, 6, 12, 18, 24];

const spanText = (s: CoverSegment) => `${timeOfMinutes(s.startMin)}–${s.endMin === DAY ? '24:00' : timeOfMinutes(s.endMin)} × ${s.min}`;

/** The windows of the day before `day` (bank holidays take none: they follow any day). */
const dayBefore = (cover: Cover, service: Service, day: DayKey) =>
  day === 'bankHoliday' ? [] : (cover[service]?.[WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]] ?? []);

/**
 * One row: the total head-count through the day (its own windows added up, with the night before's
 * windows that run on into it), and hatched underneath, where that night's tail lies.
 */
const DayBar = ({ cover, service, day }: { cover: Cover; service: Service; day: DayKey }) => {
  const before = dayBefore(cover, service, day);
  const own = coverTimeline(cover[service]?.[day] ?? [], before).segments.filter((s) => s.min > 0);
  const spill = coverTimeline(before).spill.filter((s) => s.min > 0);
  const label = own.length ? own.map(spanText).join(', ') : 'no cover';
  const carried = spill.length ? `; of which ${spill.map(spanText).join(', ')} carried over from the night before` : '';
  return (
    <div className="tl-row">
      <span className="tl-day">{dayLabel(day)}</span>
      <div className="tl-bar" role="img" aria-label={`${dayLabel(day)}: ${label}${carried}`} data-day={day}>
        {own.map((s) => (
          <span
            key={s.startMin}
            className={`tl-seg tl-min-${Math.min(s.min, 4)}`}
            style={{ left: `${(s.startMin / DAY) * 100}%`, width: `${((s.endMin - s.startMin) / DAY) * 100}%` }}
            title={spanText(s)}
          >
            {s.endMin - s.startMin >= 90 ? `×${s.min}` : ''}
          </span>
        ))}
        {spill.map((s) => (
          <span
            key={`s${s.startMin}`}
            className="tl-seg tl-spill"
            style={{ left: `${(s.startMin / DAY) * 100}%`, width: `${((s.endMin - s.startMin) / DAY) * 100}%` }}
          />
        ))}
      </div>
    </div>
  );
};

/** A compact week of one service's cover: a bar per day from midnight to midnight, the total head-count in each stretch. */
export const CoverTimeline = ({ cover, service, title }: { cover: Cover; service: Service; title: string }) => (
  <figure className="timeline" aria-label={`${title} cover timeline`}>
    <figcaption className="tl-head">
      <span className="strong">{title}</span>
      {isTwentyFourSeven(cover, service) && <span className="tl-247">24/7</span>}
    </figcaption>
    <div className="tl-row tl-scale" aria-hidden>
      <span className="tl-day" />
      <div className="tl-ticks">
        {HOURS.map((h) => (
          <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
            {String(h).padStart(2, '0')}
          </span>
        ))}
      </div>
    </div>
    {DAY_KEYS.map((day) => (
      <DayBar key={day} cover={cover} service={service} day={day} />
    ))}
  </figure>
);
