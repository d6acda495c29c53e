// Makes sure every base image the exercise's Dockerfiles name is present: pulled when a registry
// answers, otherwise assembled from Debian packages. Assembled stand-ins are cached by recipe hash.
import { run } from './exec.ts';
import { assemble, assemblyLabels, LABEL_PREFIX } from './assemble.ts';
import { canonicalJson, sha256 } from './hash.ts';
import { recipeFor } from './base-recipes.ts';

export type BasesMode = 'pull' | 'assemble' | 'auto';

export interface BaseImage {
  image: string;
  provenance: 'pulled' | 'assembled';
  digest?: string;
  assembledFrom?: string;
  imageId: string;
}

/** A base image as measurements and recording metas record it: provenance, without the engine's image id. */
export function recordedBase(base: BaseImage): { image: string; provenance: BaseImage['provenance']; digest?: string; assembledFrom?: string } {
  const entry: ReturnType<typeof recordedBase> = { image: base.image, provenance: base.provenance };
  if (base.digest) entry.digest = base.digest;
  if (base.assembledFrom) entry.assembledFrom = base.assembledFrom;
  return entry;
}

interface InspectedImage {
  Id: string;
  RepoDigests: string[] | null;
  Config: { Labels: Record<string, string> | null };
}

async function inspect(image: string, env: NodeJS.ProcessEnv): Promise<InspectedImage | undefined> {
  const result = await run('docker', ['image', 'inspect', image], { env, check: false });
  if (result.exitCode !== 0) return undefined;
  const [first] = JSON.parse(result.stdout) as InspectedImage[];
  return first;
}

function describe(image: string, inspected: InspectedImage): BaseImage {
  const labels = inspected.Config.Labels ?? {};
  if (labels[`${LABEL_PREFIX}.provenance`] === 'assembled') {
    return { image, provenance: 'assembled', assembledFrom: labels[`${LABEL_PREFIX}.assembled-from`] ?? '', imageId: inspected.Id };
  }
  const repository = image.replace(/:[^/:]+$/, '');
  const digest = (inspected.RepoDigests ?? []).find((entry) => entry.startsWith(`${repository}@`))?.split('@')[1];
  const base: BaseImage = { image, provenance: 'pulled', imageId: inspected.Id };
  if (digest) base.digest = digest;
  return base;
}

export function recipeSha256(image: string): string {
  const recipe = recipeFor(image);
  if (!recipe) throw new Error(`No recipe to assemble ${image}`);
  return sha256(canonicalJson(recipe));
}

/** Ensures one base image; `log` reports what is being done, as it can take minutes. */
export async function ensureBase(image: string, mode: BasesMode, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BaseImage> {
  const present = await inspect(image, env);
  const recipe = recipeFor(image);
  const wantedRecipe = recipe ? recipeSha256(image) : undefined;
  const labels = present?.Config.Labels ?? {};
  const isOurs = labels[`${LABEL_PREFIX}.provenance`] === 'assembled';

  if (present && mode !== 'pull' && isOurs && labels[`${LABEL_PREFIX}.recipe-sha256`] === wantedRecipe) {
    return describe(image, present);
  }
  if (present && !isOurs && mode !== 'assemble') return describe(image, present);

  if (mode !== 'assemble') {
    log(`pulling ${image}`);
    const pulled = await run('docker', ['pull', '--quiet', image], { env, check: false, timeoutMs: 300_000 });
    if (pulled.exitCode === 0) {
      const inspected = await inspect(image, env);
      if (inspected) return describe(image, inspected);
    }
    if (mode === 'pull') {
      throw new Error(`Cannot pull ${image}: ${pulled.stderr.trim()}\nRun with --bases auto to assemble it from Debian packages.`);
    }
    log(`no registry answers for ${image}: assembling it from Debian packages`);
  }
  if (!recipe || !wantedRecipe) throw new Error(`Cannot pull ${image} and the lab has no recipe to assemble it`);
  log(`assembling ${image} from Debian ${recipe.suite} packages`);
  await assemble(recipe, assemblyLabels(recipe, wantedRecipe), env);
  const inspected = await inspect(image, env);
  if (!inspected) throw new Error(`Assembling ${image} produced no image`);
  return describe(image, inspected);
}
