import { describe, expect, it } from 'vitest';
import { dateRange, defaultFilter, OPENING_QUARTER_RESPONSES, openingPeriod, queryString, recentQuarters, trendRange, vietnamToday } from '../../kiosk/src/staff/scores/dashboard-filter';

const opening = defaultFilter('2026-03-18', 'sipas-2017', 'MC');
const base = { ...opening, period: 'month' as const };

describe('the dashboard filter', () => {
  it('opens on the last 12 months of the Vietnam calendar, or on the quarter once it has 30 answers', () => {
    expect(vietnamToday(new Date('2026-03-31T17:30:00Z'))).toBe('2026-04-01');
    expect(opening).toMatchObject({ period: 'last12', month: '2026-03', quarter: '2026-Q1', year: '2026', unit: 'MC' });
    expect(dateRange(opening)).toEqual({ from: '2025-04-01', to: '2026-03-18' });
    expect(dateRange(defaultFilter('2026-01-05', 'sipas-2017', ''))).toEqual({ from: '2025-02-01', to: '2026-01-05' });
    expect([openingPeriod(0), openingPeriod(OPENING_QUARTER_RESPONSES - 1), openingPeriod(OPENING_QUARTER_RESPONSES)]).toEqual(['last12', 'last12', 'quarter']);
    expect(dateRange({ ...opening, period: 'quarter' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(dateRange(base)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('turns each kind of period into Vietnam dates, both ends inclusive', () => {
    expect(dateRange({ ...base, month: '2024-02' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(dateRange({ ...base, period: 'quarter', quarter: '2026-Q4' })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(dateRange({ ...base, period: 'year', year: '2025' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(dateRange({ ...base, period: 'custom', from: '2026-01-05', to: '' })).toEqual({ from: '2026-01-05' });
    expect(dateRange({ ...base, period: 'all' })).toEqual({});
  });

  it('builds the query string every request and download uses, leaving empty filters out', () => {
    expect(queryString(base)).toBe('survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=MC');
    expect(queryString({ ...base, unit: '', channel: 'qr', includeFlagged: true, period: 'all' }, { by: 'month' })).toBe('survey=sipas-2017&channel=qr&includeFlagged=1&by=month');
    expect(trendRange(base, '2026-11-25')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(trendRange({ ...base, period: 'all' }, '2026-11-25')).toEqual({ from: '2025-12-01', to: '2026-11-25' });
  });

  it('offers the recent quarters, newest first', () => {
    expect(recentQuarters('2026-02-10', 1)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
  });
});
