// Checks a site image however it was built (online with `docker build -t lean-containers-site .`, or by the lab):
// it runs as nonroot with no shell and serves the landing page and a lesson over 127.0.0.1 with the security
// headers. The lab builds, checks and measures it offline: `npm run lab -- site-image` (see src/lab/site-image/).
//
//   node deploy/site-image.ts [--tag lean-containers-site:latest] [--port 18080]
//
// Uses the docker client and DOCKER_HOST of the environment.
import { parseArgs } from 'node:util';
import { checkSiteImage } from '../src/lab/site-image/check.ts';

if (import.meta.main) {
  const { values } = parseArgs({ options: { tag: { type: 'string', default: 'lean-containers-site:latest' }, port: { type: 'string' } } });
  const report = await checkSiteImage(values.tag, process.env, values.port === undefined ? undefined : Number(values.port));
  process.stdout.write(`${JSON.stringify({ tag: values.tag, ...report }, null, 2)}\n`);
  process.exitCode = report.problems.length ? 1 : 0;
}
