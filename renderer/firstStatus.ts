/**
 * Who is signed in, asked for once as the page's first script runs (renderer/boot.ts) rather than after
 * React has started and the first screen has mounted: main answers it while the rest of the page's code
 * is run, which at start-up is also while main may still be opening the data folder.
 */
import type { call } from './api';

type Status = ReturnType<typeof call<'auth:status'>>;

let first: Status | null = null;

/** Keeps the answer asked for at boot until the session store takes it. */
export const holdFirstStatus = (status: Status): void => {
  first = status;
};

/** That answer, once; null afterwards (and in tests, where nothing asked at boot), so later checks ask main anew. */
export const takeFirstStatus = (): Status | null => {
  const status = first;
  first = null;
  return status;
};
