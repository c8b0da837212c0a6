// The folder the e2e suite works in: fresh copies of examples/guangzhou and
// examples/broken in a temp dir (the suite edits, renames and creates files),
// with a user-data dir whose settings keep the editor quiet and reproducible.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
};

/** Returns { tmp, workspace, userDataDir, extensionsDir } under a new temp dir. */
export function prepareWorkspace(root) {
  const tmp = mkdtempSync(join(tmpdir(), 'pilot-plan-e2e-'));
  const workspace = join(tmp, 'workspace');
  for (const name of ['guangzhou', 'broken']) cpSync(join(root, 'examples', name), join(workspace, name), { recursive: true });
  const userDataDir = join(tmp, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2) + '\n');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  return { tmp, workspace, userDataDir, extensionsDir };
}
