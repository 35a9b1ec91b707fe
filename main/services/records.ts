import { newId } from '../../shared/domain/ids';
import type { RecordMeta } from '../../shared/schemas/common';

/** Meta for a record being created now by `userId`. */
export const newMeta = (userId: string, now: number, id = newId()): RecordMeta => {
  const at = new Date(now).toISOString();
  return { id, createdAt: at, createdBy: userId, updatedAt: at, updatedBy: userId, rev: 1 };
};

/** Meta for a record being changed now by `userId`. */
export const touched = <R extends RecordMeta>(record: R, userId: string, now: number): R => ({
  ...record,
  updatedAt: new Date(now).toISOString(),
  updatedBy: userId,
  rev: record.rev + 1,
});
