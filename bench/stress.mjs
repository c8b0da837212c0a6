// Plans full of findings, made from the generated 1,000-file plan: what a reviewer runs the
// checker on before a plan is fixed. Each finding needs its place in the file, so these time
// what a clean plan never asks for (positions, "did you mean", cycles, duplicates). No target;
// they are in the table so that a slowdown on broken plans shows.
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pickEditTitles, titleLines } from './generate.mjs';

function pilotFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) pilotFiles(p, out);
    else if (name.endsWith('.pilot.yaml')) out.push(p);
  }
  return out;
}

export const STRESS = [
  {
    name: 'missing-half',
    what: 'every other Tasks and Projects file deleted: thousands of unresolved references',
    make(dir) {
      pilotFiles(dir)
        .filter((f) => !f.endsWith('plan.pilot.yaml') && !f.includes('/indicators/'))
        .forEach((f, i) => i % 2 && rmSync(f));
    },
  },
  {
    name: 'duplicated',
    what: 'the tasks folder copied: every task ID defined twice',
    make(dir) {
      cpSync(join(dir, 'tasks'), join(dir, 'tasks-copy'), { recursive: true });
    },
  },
  {
    name: 'orphans',
    what: 'no task lists indicators: every task and indicator an orphan',
    make(dir) {
      for (const f of pilotFiles(join(dir, 'tasks'))) writeFileSync(f, readFileSync(f, 'utf8').replace(/^ {4}indicators:.*\n/gm, ''));
    },
  },
];

/** The stress plans under `out`, made afresh from `source` (the files-1000 plan, which may have been regenerated). */
export function stressPlans(source, out) {
  return STRESS.map((s) => {
    const dir = join(out, `stress-${s.name}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(source, dir, { recursive: true });
    s.make(dir);
    // What the editor benchmark needs of a plan (as generate.mjs gives it): its files, and title lines to edit in one of them.
    const files = pilotFiles(dir);
    const editFile = files.find((f) => f.includes('/tasks/'));
    const lines = readFileSync(editFile, 'utf8').split('\n');
    return {
      name: s.name,
      what: s.what,
      dir,
      fileCount: files.length,
      files: files.map((f) => relative(dir, f)),
      totalLines: files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0),
      editFile: relative(dir, editFile),
      editTitles: pickEditTitles(titleLines(lines)),
    };
  });
}
