import { useId } from 'react';
import { formatDayShort, isRepeatedTime, type LondonZone } from '../../shared/domain/dates';

interface Props {
  /** The label of the time box it belongs to: two in one form (signed in, signed out) are told apart by it. */
  label: string;
  /** The London date and `hh:mm` the box holds. */
  date: string;
  time: string;
  value: LondonZone;
  onChange: (zone: LondonZone) => void;
}

const WORDS: Record<LondonZone, string> = { BST: '(first)', GMT: '(second, an hour later)' };

/**
 * Which of the two a time means, under its box, shown only on the night the clocks go back when the box holds a time in
 * 01:00–01:59, which comes twice. Unasked, such a time is the first (BST): a sign-out or an incident at 01:30 GMT could
 * not be recorded at all.
 */
export const RepeatedHourChoice = ({ label, date, time, value, onChange }: Props) => {
  const id = useId();
  if (!isRepeatedTime(date, time)) return null;
  return (
    <fieldset className="field repeated-hour" aria-describedby={`${id}-hint`}>
      <legend>
        {label}: which {time}?
      </legend>
      <p id={`${id}-hint`} className="field-hint">
        The clocks go back at 02:00 on {formatDayShort(date)}: <span className="hour">01:00–01:59</span> comes twice.
      </p>
      <div className="choices">
        {(['BST', 'GMT'] as const).map((zone) => (
          <label key={zone} className="choice">
            <input type="radio" name={id} checked={value === zone} onChange={() => onChange(zone)} /> {time} {zone} {WORDS[zone]}
          </label>
        ))}
      </div>
    </fieldset>
  );
};
