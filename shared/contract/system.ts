import { z } from 'zod';
import { settingsUpdateSchema, type Settings } from '../schemas/settings';
import { channel } from './define';

export interface NoticeView {
  id: string;
  at: string;
  kind: string;
  message: string;
}

export interface SystemInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  mode: 'electron' | 'browser';
  notices: NoticeView[];
}

export const systemChannels = {
  'system:info': channel(z.object({}).strict(), 'user')<SystemInfo>(),
  'system:dismiss-notice': channel(z.object({ id: z.string().min(1).max(64) }).strict(), 'manager')<null>(),
  'settings:get': channel(z.object({}).strict(), 'user')<Settings>(),
  'settings:update': channel(settingsUpdateSchema, 'manager')<Settings>(),
};
