// What the workshop kit's scripts print, read back for `npm run test:lab` (src/lab/workshop-kit.ts): the
// verdict lines of setup-check.sh, and the image names inside a `docker save` archive. Pure: no Docker, no files.

/** `PASS  engine  Docker Engine 28.1.1 answers` → { engine: 'PASS' }, for every verdict line. */
export function setupCheckVerdicts(stdout: string): Map<string, 'PASS' | 'WARN' | 'FAIL'> {
  const verdicts = new Map<string, 'PASS' | 'WARN' | 'FAIL'>();
  for (const line of stdout.split('\n')) {
    const match = /^(PASS|WARN|FAIL) {2}(\w+)/.exec(line);
    if (match?.[1] && match[2]) verdicts.set(match[2], match[1] as 'PASS' | 'WARN' | 'FAIL');
  }
  return verdicts;
}

/** The checks that must pass on a machine ready for the workshop (disk may only warn: its place can be unknown). */
export const requiredChecks = ['docker', 'engine', 'build', 'bases'] as const;

/** Why a set-up check run does not show a ready machine; empty when it does. */
export function setupCheckProblems(result: { exitCode: number; stdout: string }): string[] {
  const verdicts = setupCheckVerdicts(result.stdout);
  const problems: string[] = [];
  if (result.exitCode !== 0) problems.push(`setup-check.sh exited with ${result.exitCode}`);
  for (const check of requiredChecks) {
    const verdict = verdicts.get(check);
    if (verdict !== 'PASS') problems.push(`setup-check.sh: ${check} is ${verdict ?? 'missing'}, expected PASS`);
  }
  if (verdicts.get('disk') === 'FAIL' || !verdicts.has('disk')) problems.push(`setup-check.sh: disk is ${verdicts.get('disk') ?? 'missing'}`);
  if (result.stdout.trim().split('\n').at(-1) !== 'Ready for the workshop.') problems.push('setup-check.sh did not end with "Ready for the workshop."');
  return problems;
}

/** `docker save` names an untagged reference by its `latest` tag. */
export function withTag(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  return image.includes('@') || name.includes(':') ? image : `${image}:latest`;
}

interface SaveManifestEntry {
  RepoTags?: string[] | null;
  Layers?: string[];
  Config?: string;
}

/** Images named in base-images.txt that a `docker save` archive's manifest.json lacks, and files it names but misses. */
export function savedArchiveProblems(manifestJson: string, archivePaths: ReadonlySet<string>, wanted: readonly string[]): string[] {
  const manifest = JSON.parse(manifestJson) as SaveManifestEntry[];
  const tags = new Set(manifest.flatMap((entry) => entry.RepoTags ?? []));
  const problems = wanted.filter((image) => !tags.has(withTag(image))).map((image) => `images/base-images.tar has no ${withTag(image)}`);
  for (const entry of manifest) {
    for (const file of [entry.Config ?? '', ...(entry.Layers ?? [])]) {
      if (!archivePaths.has(`/${file}`)) problems.push(`images/base-images.tar: manifest names ${file || 'no config'}, which the archive lacks`);
    }
  }
  return problems;
}
