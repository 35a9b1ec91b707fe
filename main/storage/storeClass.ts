/**
 * The storage layer never imports electron-store or conf itself: the entry point passes the class in.
 * Under Electron that is electron-store; browser mode, the CLIs and most tests pass conf (its base class,
 * same file format and atomic writes), because electron-store loads `electron` at import.
 */
export interface JsonStore {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface JsonStoreOptions {
  cwd: string;
  configName: string;
  /** electron-store's spelling of configName. */
  name: string;
  projectName: string;
  clearInvalidConfig: false;
  watch: false;
  accessPropertiesByDotNotation: false;
  serialize: (value: unknown) => string;
}

export type StoreClass = new (options: JsonStoreOptions) => JsonStore;

import { serializeWithSum } from './checksum';

/** Options every file is opened with: never wipe an unreadable file, compact JSON with its checksum, no watchers. */
export const storeOptions = (cwd: string, name: string): JsonStoreOptions => ({
  cwd,
  configName: name,
  name,
  projectName: 'sitedesk',
  clearInvalidConfig: false,
  watch: false,
  accessPropertiesByDotNotation: false,
  serialize: serializeWithSum,
});
