// A throwaway copy of the project to build in, with node_modules linked rather than copied. By default the
// committed tree (git HEAD) is used, so a benchmark does not depend on half-done edits and says which commit
// it measured. `workingTree` copies the files as they are on disk instead (tracked and untracked, minus what
// .gitignore excludes), to measure a change before committing it; the commit is then marked "+working tree".
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ProjectCopy {
  root: string;
  commit: string;
  remove: () => void;
}

export function copyProject(repoRoot: string, label: string, options: { workingTree?: boolean } = {}): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), `lean-bench-${label}-`));
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  if (options.workingTree) {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1024 ** 3 });
    // Files deleted on disk but still in the index are listed too, and others' scratch files can vanish
    // between listing and copying: skip both.
    for (const file of listed.split('\0').filter((path) => path && existsSync(join(repoRoot, path)))) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      try {
        cpSync(join(repoRoot, file), join(root, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } else {
    const archive = execFileSync('git', ['archive', '--format=tar', head], { cwd: repoRoot, maxBuffer: 1024 ** 3 });
    execFileSync('tar', ['-xf', '-', '-C', root], { input: archive });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  return { root, commit: options.workingTree ? `${head}+working tree` : head, remove: () => rmSync(root, { recursive: true, force: true }) };
}
