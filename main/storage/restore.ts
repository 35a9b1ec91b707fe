import fs from 'node:fs';
import path from 'node:path';
import type { Layout } from './paths';

/**
 * Replacing the whole of `data/` (a restore) so that a crash at any point leaves either the old data or
 * the new, never a mix. The new files are first written in full to `data.incoming`; then `data` is
 * renamed to `data.outgoing`, `data.incoming` to `data`, and `data.outgoing` is deleted. Renames within
 * one folder are atomic, and the folder names alone say how far a restore got, so they are its journal:
 * `finishInterruptedRestore` (run before anything opens `data/`) completes or undoes the step that was
 * cut off.
 */
const incomingOf = (dirs: Layout) => path.join(dirs.root, 'data.incoming');
const outgoingOf = (dirs: Layout) => path.join(dirs.root, 'data.outgoing');

/** Completes a restore that had swapped the folders, or drops one that was still being staged. */
export const finishInterruptedRestore = (dirs: Layout): 'none' | 'completed' | 'rolled-back' => {
  const incoming = incomingOf(dirs);
  const outgoing = outgoingOf(dirs);
  let outcome: 'none' | 'completed' | 'rolled-back' = 'none';
  if (!fs.existsSync(dirs.data)) {
    // Staging finished before the old data was moved away, so whichever folder exists is whole.
    if (fs.existsSync(incoming)) {
      fs.renameSync(incoming, dirs.data);
      outcome = 'completed';
    } else if (fs.existsSync(outgoing)) {
      fs.renameSync(outgoing, dirs.data);
      outcome = 'rolled-back';
    }
  } else if (fs.existsSync(incoming)) outcome = 'rolled-back';
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.rmSync(outgoing, { recursive: true, force: true });
  return outcome;
};

/** Replaces `data/` with the files `fill` writes into an empty staging folder. */
export const swapInData = (dirs: Layout, fill: (stage: string) => void): void => {
  finishInterruptedRestore(dirs);
  const incoming = incomingOf(dirs);
  fs.mkdirSync(incoming, { recursive: true });
  try {
    fill(incoming);
  } catch (error) {
    fs.rmSync(incoming, { recursive: true, force: true });
    throw error;
  }
  fs.renameSync(dirs.data, outgoingOf(dirs));
  fs.renameSync(incoming, dirs.data);
  fs.rmSync(outgoingOf(dirs), { recursive: true, force: true });
};
