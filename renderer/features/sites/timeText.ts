/** Tidies what people type for a time: `7:00` → `07:00`, `0700` → `07:00`; anything else is left for validation to name. */
export const tidyTime = (typed: string): string => {
  const t = typed.trim().replace('.', ':');
  const colon = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (colon) return `${colon[1].padStart(2, '0')}:${colon[2]}`;
  const digits = /^(\d{1,2})(\d{2})$/.exec(t);
  return digits ? `${digits[1].padStart(2, '0')}:${digits[2]}` : t;
};
