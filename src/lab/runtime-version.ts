// The version of the exercise's language runtime, read from its images (`go version` in a Go build image,
// `node --version` in a Node.js one), for the recordings' metas and the measurements' environment.
import { run } from './exec.ts';
import type { LabFile } from './lab-file.ts';

export type Runtime = LabFile['runtime'];

/** The command that prints the runtime's version, run as the image's entrypoint. */
const versionCommand: Record<Runtime, [string, string]> = {
  go: ['go', 'version'],
  node: ['node', '--version'],
};

/** The version in what the command printed ("go1.24.4", "v24.21.0"), or undefined. */
export function parseRuntimeVersion(runtime: Runtime, printed: string): string | undefined {
  const match = runtime === 'go' ? /go version (go\d+\.\d+\S*)/.exec(printed) : /^(v\d+\.\d+\.\d+)\s*$/.exec(printed.trim());
  return match?.[1];
}

/** Asks each image in turn; the first that has the runtime on its PATH answers. */
export async function runtimeVersion(runtime: Runtime, images: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const [command, argument] = versionCommand[runtime];
  for (const image of images) {
    const result = await run('docker', ['run', '--rm', '--network=none', '--entrypoint', command, image, argument], { env, check: false });
    const version = parseRuntimeVersion(runtime, result.stdout);
    if (version) return version;
  }
  throw new Error(`none of the images ${images.join(', ')} has a ${command} command`);
}
