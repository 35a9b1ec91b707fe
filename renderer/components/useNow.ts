import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs` so screens that show "today" or "now" move on by themselves. */
export const useNow = (everyMs = 30_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(t);
  }, [everyMs]);
  return now;
};
