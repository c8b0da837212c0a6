/**
 * The runner's settings for the suite, and which extension host it runs in. The Node
 * extension host inherits them as environment variables; the web worker host has no
 * `process`, so the offline runner writes them before the web bundle of the suite
 * (`globalThis.__pilotPlanE2eEnv`, scripts/e2e/web-host.mjs).
 */

type Env = Record<string, string | undefined>;

declare const process: { env: Env; versions?: { node?: string } } | undefined;

/** True in the Node extension host; false in the browser's web worker extension host. */
export const inNodeHost = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export function e2eEnv(name: string): string | undefined {
  if (inNodeHost) return process!.env[name];
  return ((globalThis as { __pilotPlanE2eEnv?: Env }).__pilotPlanE2eEnv ?? {})[name];
}

/** The run the runner asked for: `node`, `web` or `web-memfs` (PILOT_PLAN_E2E_HOST); the Electron runner sets none. */
export function e2eHost(): string {
  return e2eEnv('PILOT_PLAN_E2E_HOST') ?? (inNodeHost ? 'node' : 'web');
}
