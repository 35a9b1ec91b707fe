/**
 * Vitest global setup: names the folder for the run's one build of the app (see `freshBuild`), inside the
 * checkout so that the packages the built main leaves external resolve from its node_modules. Nothing is
 * built here: a run of files that never read a build pays nothing. Vitest runs a global setup once for
 * each project, all in its main process; they share the one folder, and the last teardown removes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedBuild: string;
  }
}

const state = globalThis as { sitedeskSharedBuild?: { dir: string; users: number } };

export default function setup(project: TestProject) {
  const run = (state.sitedeskSharedBuild ??= {
    dir: path.resolve('node_modules/.cache/sitedesk-tests', `build-${process.pid}-${Date.now()}`),
    users: 0,
  });
  fs.mkdirSync(path.dirname(run.dir), { recursive: true });
  run.users += 1;
  project.provide('sharedBuild', run.dir);
  return () => {
    run.users -= 1;
    if (run.users > 0) return;
    for (const f of [run.dir, `${run.dir}.built`, `${run.dir}.failed`]) fs.rmSync(f, { recursive: true, force: true });
    delete state.sitedeskSharedBuild;
  };
}
