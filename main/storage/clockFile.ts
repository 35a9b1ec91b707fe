import { z } from 'zod';
import type { DataStore, FileKind } from './dataStore';

/**
 * Where an install keeps its hybrid logical clock between runs: one tiny file, rewritten after a call
 * that moved the clock. Deriving it from the highest stamp on disk instead would mean reading ten years
 * of partitions at every start.
 */
export const CLOCK_FILE = 'system/hlc';
export const clockKind: FileKind<{ hlc: string | null }> = {
  schema: z.object({ hlc: z.string().max(100).nullable() }),
  empty: () => ({ hlc: null }),
};

/** The saved stamp, if any. */
export const readClock = (ds: DataStore): string | null => ds.read(CLOCK_FILE, clockKind).hlc;

/** Saves the clock's latest stamp. */
export const saveClock = (ds: DataStore, hlc: string): void => ds.write(CLOCK_FILE, clockKind, { hlc });
