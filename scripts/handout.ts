// `npm run handout -- <workshop> [--out file.pdf] [--build]`: writes the workshop's lessons as a PDF.
// It builds the site if dist/ has no build of the workshop, serves dist/ on 127.0.0.1, opens the workshop's
// handout page (/workshops/<id>/handout/: one section per agenda lesson, each starting a new page) in
// Chromium and prints it with Playwright's page.pdf(): real text, so the PDF is searchable and copyable.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from './kit/serve.mjs';
import { distDirectory, ensureBuilt, outDirectory, parseCommandLine, readWorkshop, repoRoot } from './kit/site.ts';

const usage = `Usage: npm run handout -- <workshop> [--out file.pdf] [--build]

Writes out/handouts/<workshop>.pdf: every lesson of the workshop's agenda, one section each.
  --out <file>   where to write the PDF
  --build        rebuild the site even if dist/ has a build`;

const debianChromium = '/usr/bin/chromium';
const log = (line: string): void => void process.stderr.write(`handout: ${line}\n`);

export async function writeHandout(workshopId: string, output: string, rebuild = false): Promise<{ lessons: number }> {
  const workshop = readWorkshop(workshopId);
  ensureBuilt(workshopId, rebuild, log);
  const { server, url } = await startServer(distDirectory, { port: 0 });
  const browser = await chromium.launch({
    ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // Learners' print: instructor mode off whatever the profile says.
    await page.goto(`${url}/workshops/${workshopId}/handout/?instructor=off`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const lessons = await page.locator('.handout-lesson').count();
    const expected = workshop.agenda.filter((item) => item.type === 'lesson').length;
    if (lessons !== expected) throw new Error(`the handout page has ${lessons} lesson sections, the agenda ${expected}: rebuild with --build`);
    mkdirSync(dirname(output), { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: output,
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#444">${escapeHtml(workshop.title)} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    return { lessons };
  } finally {
    await browser.close();
    server.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

if (import.meta.main) {
  try {
    const { workshop, flags, out } = parseCommandLine(process.argv.slice(2), usage);
    const output = out ?? join(outDirectory, 'handouts', `${workshop}.pdf`);
    const { lessons } = await writeHandout(workshop, output, flags.has('--build'));
    log(`wrote ${relative(repoRoot, output)} (${lessons} lessons, ${statSync(output).size} bytes)`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
