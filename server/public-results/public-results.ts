// The figures /ket-qua and GET /api/public/results publish: for each unit an admin opted in, the
// SIPAS index and element indices per year and quarter with n and 95% intervals. Nothing per
// official, per procedure or per criterion; small samples marked and never ranked.
import type { Kysely } from 'kysely';
import type { LocalizedText, SurveyDefinition } from '../../survey-defs/schema';
import type { Database } from '../db/database';
import { listUnits } from '../repos/organisation';
import { listPublications } from '../repos/result-publications';
import { readTallies } from '../repos/score-counts';
import { publishCard, rankPeriods, type PublishedPeriod } from '../scoring/published-results';
import { scoreCard } from '../scoring/score-card';
import { emptyTally, mergeInto } from '../scoring/tally';
import { subtreeCodes } from '../scoring/unit-tree';
import { vietnamDate } from '../scoring/vietnam-time';
import { resultPeriods, type ResultPeriod } from './result-periods';

export interface PublicResults {
  survey: { id: string; version: number; title: LocalizedText; method: string; elements: { id: string; title: LocalizedText }[] };
  generatedAt: string;
  periods: ResultPeriod[];
  units: { code: string; name: LocalizedText; feedbackUrl: string; results: ({ period: string } & PublishedPeriod)[] }[];
}

export async function publicResults(db: Kysely<Database>, def: SurveyDefinition, now: Date): Promise<PublicResults> {
  const [units, publications] = await Promise.all([listUnits(db), listPublications(db)]);
  const published = units.filter((u) => publications.some((p) => p.unit_code === u.code));
  const periods = resultPeriods(vietnamDate(now));
  const byPeriod = new Map<string, PublishedPeriod[]>();
  for (const period of periods) {
    // One read per period, grouped by unit; each published unit then sums its own subtree.
    const { groups } = await readTallies(db, { surveyId: def.id, from: period.from, to: period.to, units: null, includeFlagged: false, includeUnverified: false }, 'unit_code');
    const cards = published.map((u) => {
      const tally = emptyTally();
      for (const code of subtreeCodes(units, u.code)) {
        const own = groups.get(code);
        if (own) mergeInto(tally, own);
      }
      return publishCard(scoreCard(def, tally));
    });
    byPeriod.set(period.key, rankPeriods(cards));
  }
  return {
    survey: { id: def.id, version: def.version, title: def.title, method: def.method, elements: def.elements.map((e) => ({ id: e.id, title: e.title })) },
    generatedAt: now.toISOString(),
    periods,
    units: published.map((u, i) => ({
      code: u.code,
      name: { vi: u.name_vi, en: u.name_en },
      feedbackUrl: `/gop-y/cong-khai?unit=${encodeURIComponent(u.code)}`,
      results: periods.map((p) => ({ period: p.key, ...byPeriod.get(p.key)![i]! })),
    })),
  };
}
