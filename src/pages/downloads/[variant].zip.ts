/**
 * /downloads/<exercise>-<variant>.zip: each exercise variant's real files (plus the self-check scripts),
 * zipped at build time. <ExerciseFiles> links here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { variantNames } from '../../schemas/measurements.ts';
import { exerciseZip, zipName } from '../../components/mdx/ExerciseFiles.ts';

const exercise = 'go-hello-world';

export const getStaticPaths = (() =>
  variantNames.map((variant) => ({ params: { variant: zipName(exercise, variant) }, props: { variant } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { variant } = props as { variant: (typeof variantNames)[number] };
  const zip = exerciseZip(exercise, variant);
  // A plain ArrayBuffer copy: Response's types do not accept a Uint8Array over an ArrayBufferLike.
  const body = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
  return new Response(body, { headers: { 'Content-Type': 'application/zip' } });
};
