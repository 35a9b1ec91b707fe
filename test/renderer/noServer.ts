/**
 * For renderer tests in happy-dom: React's act() environment, and a `window.sitedesk` whose every channel
 * answers "not available", so views settle on their error states without a server. Import it before the
 * store (the store reads `window.sitedesk` when it loads, so the tests load it with `await import`).
 */
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

window.sitedesk = {
  mode: 'electron',
  api: new Proxy({}, { get: () => async () => ({ ok: false, code: 'internal', message: 'No server in this test.' }) }),
};

export {};
