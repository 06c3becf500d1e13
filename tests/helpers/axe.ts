// Runs axe-core inside a real page and returns its WCAG 2.1 A/AA violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The violations axe finds on the page as it is now (tags wcag2a, wcag2aa, wcag21a, wcag21aa). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol, so the page's Content-Security-Policy does not block it;
  // into every frame too (the questionnaire editor's preview), so axe checks their content as well.
  for (const frame of page.frames()) await frame.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
