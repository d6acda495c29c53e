// test:lab's comparison of a freshly built site image with the committed measurements. The pages grow as lessons
// are added, so the size may drift more than an exercise image's; past this the README's figure is wrong.
import type { ImageFacts } from '../measure.ts';
import type { SiteImageMeasurements } from '../../schemas/site-image.ts';

export const SITE_SIZE_TOLERANCE = 0.2;

export function compareSiteImage(committed: SiteImageMeasurements, rebuilt: ImageFacts): string[] {
  const problems: string[] = [];
  const drift = Math.abs(rebuilt.sizeBytes - committed.sizeBytes) / committed.sizeBytes;
  if (drift > SITE_SIZE_TOLERANCE) {
    problems.push(
      `site image: ${rebuilt.sizeBytes} bytes differs from the committed ${committed.sizeBytes} by ${(drift * 100).toFixed(1)}% ` +
        '(re-measure with npm run lab -- site-image and update the README)',
    );
  }
  if (rebuilt.user !== committed.user || rebuilt.uid !== committed.uid) {
    problems.push(`site image: runs as ${rebuilt.user} (uid ${rebuilt.uid}), committed ${committed.user} (uid ${committed.uid})`);
  }
  if (rebuilt.shells.join(' ') !== committed.shells.join(' ')) {
    problems.push(`site image: shells [${rebuilt.shells.join(', ')}], committed [${committed.shells.join(', ')}]`);
  }
  if (rebuilt.packageManagers.join(' ') !== committed.packageManagers.join(' ')) {
    problems.push(`site image: package managers [${rebuilt.packageManagers.join(', ')}], committed [${committed.packageManagers.join(', ')}]`);
  }
  if (rebuilt.setuidFiles !== committed.setuidFiles) {
    problems.push(`site image: ${rebuilt.setuidFiles} setuid/setgid files, committed ${committed.setuidFiles}`);
  }
  return problems;
}
