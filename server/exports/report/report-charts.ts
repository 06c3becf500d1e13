// Charts for the printed report as plain SVG (no script, no style attribute): bars with their
// 95% intervals and target lines, and the monthly trend as columns.
import { html } from 'hono/html';
import type { IndexFigure } from '../../scoring/score-card';

const WIDTH = 640;
const LEFT = 48;
const SCALE = (WIDTH - LEFT - 16) / 100;
const x = (percent: number) => LEFT + percent * SCALE;

export interface ChartBar {
  label: string;
  figure: IndexFigure;
  target?: number;
}

/** Horizontal bars (0–100%) with whiskers for the 95% interval and a tick for the target. */
export function barChart(bars: readonly ChartBar[], title: string) {
  const row = 26;
  const height = bars.length * row + 28;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}">
    ${[0, 25, 50, 75, 100].map((p) => html`<line class="chart__grid" x1="${x(p)}" x2="${x(p)}" y1="0" y2="${height - 20}"></line><text class="chart__axis" x="${x(p)}" y="${height - 6}" text-anchor="middle">${p}%</text>`)}
    ${bars.map((b, i) => {
      const y = i * row + 4;
      const f = b.figure;
      return html`<text class="chart__label" x="${LEFT - 8}" y="${y + 14}" text-anchor="end">${b.label}</text>
        ${f.index === null ? '' : html`<rect class="chart__bar${f.smallSample ? ' chart__bar--small' : ''}" x="${LEFT}" y="${y}" width="${(f.index * SCALE).toFixed(1)}" height="${row - 8}"></rect>`}
        ${f.ci95 ? html`<line class="chart__ci" x1="${x(f.ci95[0]).toFixed(1)}" x2="${x(f.ci95[1]).toFixed(1)}" y1="${y + (row - 8) / 2}" y2="${y + (row - 8) / 2}"></line>` : ''}
        ${b.target === undefined ? '' : html`<line class="chart__target" x1="${x(b.target).toFixed(1)}" x2="${x(b.target).toFixed(1)}" y1="${y - 2}" y2="${y + row - 6}"></line>`}`;
    })}
  </svg>`;
}

/** One column per period, height = index, the index written above it ('—' without answers). */
export function trendChart(points: readonly { label: string; index: number | null }[], title: string, format: (n: number) => string) {
  const height = 200;
  const step = points.length ? (WIDTH - LEFT) / points.length : 0;
  const y = (p: number) => 170 - p * 1.5;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}">
    ${[0, 50, 100].map((p) => html`<line class="chart__grid" x1="${LEFT}" x2="${WIDTH}" y1="${y(p)}" y2="${y(p)}"></line><text class="chart__axis" x="${LEFT - 6}" y="${y(p) + 4}" text-anchor="end">${p}%</text>`)}
    ${points.map((p, i) => {
      const left = LEFT + i * step + step * 0.15;
      const mid = LEFT + i * step + step / 2;
      return html`${p.index === null ? '' : html`<rect class="chart__bar" x="${left.toFixed(1)}" y="${y(p.index).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${(p.index * 1.5).toFixed(1)}"></rect>`}
        <text class="chart__value" x="${mid.toFixed(1)}" y="${(p.index === null ? y(0) : y(p.index)) - 4}" text-anchor="middle">${p.index === null ? '—' : format(p.index)}</text>
        <text class="chart__axis" x="${mid.toFixed(1)}" y="${height - 10}" text-anchor="middle">${p.label}</text>`;
    })}
  </svg>`;
}
