import type { Slice } from '../../store/types';

export interface NavSlice {
  /** The id of the screen shown, from VIEWS. */
  view: string;
  /** Extra state for the screen, e.g. the site or person it shows. */
  viewParam: string | null;
  go: (view: string, param?: string | null) => void;
  resetNav: () => void;
}

export const createNavSlice: Slice<NavSlice> = (set) => ({
  view: 'sites',
  viewParam: null,
  go: (view, param = null) => set({ view, viewParam: param }),
  resetNav: () => set({ view: 'sites', viewParam: null }),
});
