import { describe, expect, it } from 'vitest';
import type { Shift } from '../../shared/schemas/shift';
import { copyNotice } from '../../renderer/features/rota/copyNotice';

const shift = (id: string, date: string) => ({ id, date }) as Shift;

describe('the copy-week notice', () => {
  it('groups shifts left open by person, with their days, instead of one sentence per shift', () => {
    const after = [
      shift('a', '2026-11-30'),
      shift('b', '2026-12-01'),
      shift('c', '2026-12-02'),
      shift('d', '2026-12-03'),
      shift('e', '2026-12-04'),
    ];
    const away = 'Rebecca Begum is away (annual leave)';
    const text = copyNotice(
      {
        after,
        alreadyThere: 0,
        leftOpen: [
          { shiftId: 'b', staffId: 'rb', reason: away },
          { shiftId: 'a', staffId: 'rb', reason: away },
          { shiftId: 'c', staffId: 'rb', reason: away },
          { shiftId: 'e', staffId: 'jo', reason: 'no longer on the staff list' },
        ],
      },
      new Map([
        ['rb', 'Rebecca Begum'],
        ['jo', 'Jo Smith'],
      ]),
    );
    expect(text).toBe(
      'Copied 5 shifts. Rebecca Begum is away (annual leave): 3 shifts left open, Mon 30 Nov, Tue 1 Dec and Wed 2 Dec. Jo Smith is no longer on the staff list: 1 shift left open, Fri 4 Dec.',
    );
  });

  it('says only how many were copied when nobody was left off', () => {
    expect(copyNotice({ after: [shift('a', '2026-11-30')], leftOpen: [], alreadyThere: 0 })).toBe('Copied 1 shift.');
  });

  it('says there was nothing to copy when the week copied from has no shifts, not "Copied 0 shifts."', () => {
    expect(copyNotice({ after: [], leftOpen: [], alreadyThere: 0 }, new Map(), '2026-11-23', '2026-11-30')).toBe(
      'Nothing to copy: the week of Mon 23 Nov has no shifts here.',
    );
  });

  it('says how many shifts were already in the week copied to', () => {
    const after = Array.from({ length: 12 }, (_, i) => shift(`s${i}`, '2026-12-01'));
    expect(copyNotice({ after, leftOpen: [], alreadyThere: 40 }, new Map(), '2026-11-23', '2026-11-30')).toBe(
      'Copied 12 shifts; 40 were already there.',
    );
    expect(copyNotice({ after: after.slice(0, 1), leftOpen: [], alreadyThere: 1 }, new Map(), '2026-11-23', '2026-11-30')).toBe(
      'Copied 1 shift; 1 was already there.',
    );
  });

  it('says there was nothing to copy when every shift is already in the week copied to', () => {
    expect(copyNotice({ after: [], leftOpen: [], alreadyThere: 52 }, new Map(), '2026-11-23', '2026-11-30')).toBe(
      'Nothing to copy: every shift of the week of Mon 23 Nov is already in the week of Mon 30 Nov.',
    );
  });
});
