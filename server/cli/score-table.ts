// The readable table `sipas scores` prints without --json.
import { listCriteria } from '../../survey-defs/criteria';
import type { SurveyDefinition } from '../../survey-defs/schema';
import type { IndexFigure } from '../scoring/score-card';
import type { ScoreReport } from '../scoring/score-report';

const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const ci = (f: IndexFigure) => (f.ci95 ? `${f.ci95[0].toFixed(2)}–${f.ci95[1].toFixed(2)}` : '—');
const cut = (text: string, width: number) => ([...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text.padEnd(width));

export function scoreTable(report: ScoreReport, def: SurveyDefinition): string[] {
  const f = report.filter;
  const scope = [f.unit ? `unit ${f.unit}` : 'all units', `${f.from ?? 'start'} – ${f.to ?? 'today'}`, f.procedure, f.official, f.channel].filter(Boolean).join(' · ');
  const lines = [
    `${def.title.vi} (${def.id} v${def.version})`,
    `${scope} · ${report.responses} responses${report.flaggedResponses ? ` (${report.flaggedResponses} flagged ${f.includeFlagged ? 'included' : 'left out'})` : ''}`,
    '',
  ];
  if (report.withheld) return [...lines, 'withheld: fewer than 5 responses for one official'];
  const row = (name: string, x: IndexFigure, target = '') =>
    `${cut(name, 52)} ${pct(x.index).padStart(8)} ${ci(x).padStart(13)} ${num(x.mean).padStart(5)} ${String(x.n).padStart(7)}${x.smallSample ? ' *' : '  '} ${target}`;
  lines.push(`${'element / criterion'.padEnd(52)} ${'index'.padStart(8)} ${'95% CI'.padStart(13)} ${'mean'.padStart(5)} ${'n'.padStart(7)}    target`);
  const criteria = listCriteria(def);
  for (const el of report.elements) {
    const title = def.elements.find((e) => e.id === el.id)?.title.vi ?? el.id;
    const target = report.targets[el.id];
    lines.push(row(title, el, target === undefined ? '' : `${target}%${el.index !== null && el.index < target ? ' (below)' : ''}`));
    for (const c of report.criteria.filter((x) => x.element === el.id)) lines.push(row(`  ${criteria.find((k) => k.id === c.id)?.text.vi ?? c.id}`, c));
  }
  lines.push(row('SIPAS (overall)', report.overall), '', '* small sample: fewer than 30 valid answers; — no valid answers');
  return lines;
}
