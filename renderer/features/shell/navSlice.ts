import type { Slice } from '../../store/types';

export type View = 'sites' | 'settings';

export interface NavSlice {
  view: View;
  go: (view: View) => void;
  resetNav: () => void;
}

export const createNavSlice: Slice<NavSlice> = (set) => ({
  view: 'sites',
  go: (view) => set({ view }),
  resetNav: () => set({ view: 'sites' }),
});
