/**
 * Loaded with `--import` into electronegativity's own process: its `got` (got 11) tries each of the tool's
 * network look-ups (its translations, twice, and Electron's release list) once, not three times with 1 s and
 * 2 s pauses between. These machines have no route out, so every try fails at once and the tool carries on as
 * it says it does (its own locale files, no release-list check); where a look-up does answer, one try is all
 * it needs. What is scanned and every check run are unchanged.
 */
import Module from 'node:module';

const load = Module._load;
let once = null;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== 'got') return loaded;
  if (!once) {
    once = loaded.extend({ retry: { limit: 0 } });
    // The tool is Babel output: it reads `.default` of a module marked as an ES module.
    once.default = once;
    once.__esModule = true;
  }
  return once;
};
