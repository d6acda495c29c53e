import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSiteImage, loadSiteImage } from './site-image.ts';

describe('site image measurements', () => {
  it('reads the committed file and describes it from its own numbers', () => {
    const image = loadSiteImage();
    expect(image).toBeDefined();
    const sentence = describeSiteImage(image!);
    expect(sentence).toMatch(/^\d+(\.\d+)?\s[kMG]B \(\d+(\.\d+)?\s[kMG]B compressed\), runs as /);
    expect(sentence).toContain(`uid ${String(image!.uid)}`);
    expect(sentence).not.toMatch(/runs as (\d+) \(uid \1\)/); // a numeric USER is said once
  });

  it('names shells and package managers when an image has them', () => {
    const image = loadSiteImage()!;
    const fat = { ...image, sizeBytes: 889_771_495, compressedSizeBytes: 325_900_000, shells: ['/bin/sh'], packageManagers: ['/usr/bin/apt'], user: 'root', uid: 0 };
    expect(describeSiteImage(fat).replace(/\s/g, ' ')).toBe(
      '890 MB (326 MB compressed), runs as root (uid 0), shells: /bin/sh, package managers: /usr/bin/apt',
    );
  });

  it('names the file and the field when the file is wrong', () => {
    const folder = mkdtempSync(join(tmpdir(), 'site-image-'));
    writeFileSync(join(folder, 'site-image.json'), JSON.stringify({ image: 'site' }));
    expect(() => loadSiteImage(folder)).toThrow(/site-image\.json does not match .*measuredAt/);
  });
});
