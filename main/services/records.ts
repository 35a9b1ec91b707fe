import { newId } from '../../shared/domain/ids';
import { formatHlc, HLC_ZERO, parseHlc, receive, tick, type Hlc } from '../../shared/domain/sync/hlc';
import type { RecordMeta } from '../../shared/schemas/common';

/**
 * One install's hybrid logical clock. It lives in memory, starts from the stamp saved in `system/hlc`
 * (see main/storage/clockFile.ts), and is saved again after any call that moved it, so a restart never
 * hands out a stamp below one already given even when the wall clock has gone back meanwhile.
 */
export class RecordClock {
  private last: Hlc;
  private moved = false;

  constructor(
    readonly node: string,
    start: string = HLC_ZERO,
  ) {
    this.last = parseHlc(start);
  }

  /** A new stamp for an edit at `now`, above every stamp seen so far and above `after` (the version being edited). */
  stamp(now: number, after?: string): string {
    if (after) this.see(after, now);
    this.last = tick(this.last, now, this.node);
    this.moved = true;
    return formatHlc(this.last);
  }

  /** Moves the clock past a stamp made elsewhere (an imported record). */
  see(stamp: string, now: number): void {
    const remote = parseHlc(stamp);
    if (remote.wall > this.last.wall || (remote.wall === this.last.wall && remote.count >= this.last.count)) {
      this.last = receive(this.last, remote, now, this.node);
      this.moved = true;
    }
  }

  /** The latest stamp, for saving. */
  get value(): string {
    return formatHlc(this.last);
  }

  /** Keeps the clock marked as moved, when saving it failed, so the next call tries again. */
  stillMoved(): void {
    this.moved = true;
  }

  /** Whether the clock moved since the last call; resets the flag. */
  takeMoved(): boolean {
    const moved = this.moved;
    this.moved = false;
    return moved;
  }
}

/** Meta for a record being created now by `userId`, stamped by `clock`: the clock of the install writing it. */
export const newMeta = (c: RecordClock, userId: string, now: number, id = newId()): RecordMeta => {
  const at = new Date(now).toISOString();
  return { id, createdAt: at, createdBy: userId, updatedAt: at, updatedBy: userId, rev: 1, hlc: c.stamp(now), origin: c.node };
};

/** Meta for a record being changed now by `userId`, stamped by `clock`: the clock of the install writing it. */
export const touched = <R extends RecordMeta>(c: RecordClock, record: R, userId: string, now: number): R => {
  return {
    ...record,
    updatedAt: new Date(now).toISOString(),
    updatedBy: userId,
    rev: record.rev + 1,
    hlc: c.stamp(now, record.hlc),
    origin: c.node,
    base: record.hlc ?? HLC_ZERO,
  };
};
