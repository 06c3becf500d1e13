// No single person's answer may be read off a per-official figure: below this many responses the
// figure is withheld (shown as withheld, never as zero).
import { withheldCard, type ScoreCard } from './score-card';

export const OFFICIAL_MIN_RESPONSES = 5;

/** The card as it may be shown: withheld when it describes one official and rests on too few responses. */
export function protectOfficial(card: ScoreCard, perOfficial: boolean): ScoreCard {
  return perOfficial && card.responses < OFFICIAL_MIN_RESPONSES ? withheldCard(card.responses) : card;
}
