// Numbers as the printed report writes them, in its language: 85,32% in Vietnamese.
import type { IndexFigure } from '../../scoring/score-card';
import type { ReportContext } from '../report-context';

export interface ReportFormat {
  number(n: number, digits?: number): string;
  pct(n: number | null): string;
  ci(f: IndexFigure): string;
  /** " (*)" after a figure that rests on a small sample. */
  small(f: IndexFigure): string;
}

export function reportFormat(ctx: ReportContext): ReportFormat {
  const number = (n: number, digits = 2) => n.toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    number,
    pct: (n) => (n === null ? '—' : `${number(n)}%`),
    ci: (f) => (f.ci95 ? `${number(f.ci95[0])}–${number(f.ci95[1])}` : '—'),
    small: (f) => (f.smallSample && f.index !== null ? ' (*)' : ''),
  };
}

/** One numbered section of the report: what report-page.ts lays out in order. */
export interface ReportSection {
  id: string;
  title: string;
  body: unknown;
}
