/**
 * The store class the suites run on: conf by default, and the real electron-store in the test project
 * that sets SITEDESK_TEST_STORE=electron-store (vitest.config.ts), so the same storage code is proven on both.
 */
import Conf from 'conf';
import type { StoreClass } from '../../main/storage/storeClass';

export const STORE_UNDER_TEST = process.env.SITEDESK_TEST_STORE === 'electron-store' ? 'electron-store' : 'conf';

export const StoreUnderTest: StoreClass =
  STORE_UNDER_TEST === 'electron-store'
    ? ((await import('electron-store')).default as unknown as StoreClass)
    : (Conf as unknown as StoreClass);
