/** A random, URL-safe record id; crypto.randomUUID exists in Node, Electron and every browser we run in. */
export const newId = (): string => globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20);
