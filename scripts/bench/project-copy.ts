// A throwaway copy of the committed project (git HEAD) to build in, with node_modules linked rather than
// copied. The committed tree is used, not the working tree, so a benchmark does not depend on half-done
// edits and says which commit it measured.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProjectCopy {
  root: string;
  commit: string;
  remove: () => void;
}

export function copyProject(repoRoot: string, label: string): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), `lean-bench-${label}-`));
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: repoRoot, maxBuffer: 1024 ** 3 });
  execFileSync('tar', ['-xf', '-', '-C', root], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  return { root, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}
