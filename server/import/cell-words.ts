// The words staff type into a paper-form spreadsheet, read as the codes the API takes: a rating
// level by its number or its label ("Rất hài lòng"), "Không có ý kiến" for no opinion, an option
// by its id, its label ("Nữ") or the first words of its label when only one option starts so
// ("Trực tiếp" for "Trực tiếp tại Bộ phận Một cửa"). Anything else is passed on unchanged, so the
// normal answer check names it in its refusal.
import { NO_OPINION } from '../../survey-defs/check-answers';
import type { Question, Scale } from '../../survey-defs/schema';

/** Case, spacing and composition do not matter; tone marks do ("Nữ" is not "Nu"). */
export const wordKey = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

const NO_OPINION_WORDS = new Set(['không có ý kiến', 'không ý kiến', 'no opinion'].map(wordKey));

export function ratingFromCell(scale: Scale, cell: string): number | string {
  if (/^-?\d+$/.test(cell)) return Number(cell);
  const key = wordKey(cell);
  if (scale.noOpinion && NO_OPINION_WORDS.has(key)) return NO_OPINION;
  const level = scale.levels.find((l) => Object.values(l.label).some((label) => wordKey(label) === key));
  return level ? level.value : cell;
}

export function optionFromCell(question: Question, cell: string): string {
  if (question.type === 'text') return cell;
  const key = wordKey(cell);
  const options = question.options;
  const exact = options.find((o) => o.id === cell || Object.values(o.label).some((label) => wordKey(label) === key));
  if (exact) return exact.id;
  // The first whole words of one label: a shorter form of what is printed on the paper form.
  const starting = options.filter((o) => Object.values(o.label).some((label) => `${wordKey(label)} `.startsWith(`${key} `)));
  return key !== '' && starting.length === 1 ? starting[0]!.id : cell;
}
