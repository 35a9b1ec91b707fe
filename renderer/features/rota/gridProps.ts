import type { Finding } from '../../../shared/domain/rota';
import type { Service } from '../../../shared/schemas/common';
import type { Shift } from '../../../shared/schemas/shift';
import type { StaffView } from '../../../shared/contract/staff';

/** Where a dragged shift was dropped: a new day, and a row's site and service or person. */
export interface DropSpot {
  date: string;
  site?: string;
  service?: Service;
  staffId?: string | null;
}

/** What both planner grids are given. */
export interface GridProps {
  dates: string[];
  shifts: Shift[];
  staff: ReadonlyMap<string, StaffView>;
  findings: ReadonlyMap<string, Finding[]>;
  selection: readonly string[];
  today: string;
  onOpen: (shift: Shift) => void;
  onToggle: (shift: Shift, range: boolean) => void;
  onCreate: (spot: DropSpot) => void;
  onDrop: (shiftId: string, spot: DropSpot) => void;
}
