/**
 * The one contract between the renderer and main: every channel, its request schema and response type.
 * Electron IPC and browser mode's HTTP route both carry exactly these channels to the same dispatch.
 * Each feature declares its channels in `contract/<feature>.ts`; this file only gathers them.
 */
import type { z } from 'zod';
import { authChannels } from './contract/auth';
import { backupsChannels } from './contract/backups';
import type { ChannelDef } from './contract/define';
import { incidentChannels } from './contract/incidents';
import { leaveChannels } from './contract/leave';
import { occurrenceChannels } from './contract/occurrence';
import { rotaChannels } from './contract/rota';
import { autofillChannels } from './contract/autofill';
import { exchangeChannels } from './contract/exchange';
import { sitesChannels } from './contract/sites';
import { staffChannels } from './contract/staff';
import { systemChannels } from './contract/system';
import { todayChannels } from './contract/today';
import { attendanceChannels } from './contract/attendance';
import { syncChannels } from './contract/sync';

export const contract = {
  ...authChannels,
  ...systemChannels,
  ...sitesChannels,
  ...staffChannels,
  ...leaveChannels,
  ...incidentChannels,
  ...occurrenceChannels,
  ...rotaChannels,
  ...autofillChannels,
  ...exchangeChannels,
  ...backupsChannels,
  ...todayChannels,
  ...attendanceChannels,
  ...syncChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer R> ? R : never;

export const channels = Object.keys(contract) as Channel[];

/** Whether a string names a channel of the contract. */
export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

export type { Access } from './contract/define';
