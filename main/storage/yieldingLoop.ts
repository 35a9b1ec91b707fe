/**
 * Runs `step` (which answers false once nothing is left) in slices of about `sliceMs`, giving the event
 * loop back between slices so requests keep being answered while ten years of files are walked. Each
 * slice runs at least one step. Resolves true when done, false when `stopped()` said so before a slice;
 * rejects with the first error a step throws.
 */
export const inSlices = (step: () => boolean, sliceMs: number, stopped: () => boolean = () => false): Promise<boolean> =>
  new Promise((resolve, reject) => {
    const slice = () => {
      if (stopped()) return resolve(false);
      const until = performance.now() + sliceMs;
      try {
        do if (!step()) return resolve(true);
        while (performance.now() < until);
      } catch (error) {
        return reject(error as Error);
      }
      setImmediate(slice);
    };
    setImmediate(slice);
  });
