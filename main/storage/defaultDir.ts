import os from 'node:os';
import path from 'node:path';

/** The OS user-data folder Electron would use for SiteDesk, for the modes that run without Electron. */
export const defaultDataDir = (): string => {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'SiteDesk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'SiteDesk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'SiteDesk');
};
