// The paper form as a list of fields for keyboard entry, and what a typed key means for each.
// Pure, so the keys can be tested without a page.
import type { AnswerValue, Answers } from '../../../../survey-defs/check-answers';
import { listCriteria } from '../../../../survey-defs/criteria';
import type { LocalizedText, SurveyDefinition } from '../../../../survey-defs/schema';

export type PaperField =
  | { id: string; kind: 'rating'; text: LocalizedText; levels: { value: number; label: LocalizedText }[]; noOpinion: boolean }
  | { id: string; kind: 'single' | 'multi'; text: LocalizedText; options: { id: string; label: LocalizedText }[] }
  | { id: string; kind: 'text'; text: LocalizedText; maxLength: number };

/** Every question of the form, in the order it is printed: the criteria, then the other questions. */
export function paperFields(def: SurveyDefinition): PaperField[] {
  const criteria: PaperField[] = listCriteria(def).map((c) => {
    const scale = def.scales[c.scale]!;
    // Paper prints the best level first (5 … 1), as people read it.
    return { id: c.id, kind: 'rating', text: c.text, levels: [...scale.levels].sort((a, b) => b.value - a.value).map((l) => ({ value: l.value, label: l.label })), noOpinion: scale.noOpinion };
  });
  const others: PaperField[] = def.questions.map((q) =>
    q.type === 'text' ? { id: q.id, kind: 'text', text: q.text, maxLength: q.maxLength } : { id: q.id, kind: q.type, text: q.text, options: q.options },
  );
  return [...criteria, ...others];
}

/**
 * The answer after typing `key` in a field: a level digit (0 = no opinion) for a rating, an
 * option's number (1, 2, …) for a choice (toggled for a multiple choice). undefined: not a key
 * this field takes. `null` clears the answer (Backspace, Delete).
 */
export function typedAnswer(field: PaperField, key: string, current: AnswerValue | undefined): AnswerValue | null | undefined {
  if (key === 'Backspace' || key === 'Delete') return null;
  if (!/^[0-9]$/.test(key) || field.kind === 'text') return undefined;
  const digit = Number(key);
  if (field.kind === 'rating') {
    if (digit === 0) return field.noOpinion ? 0 : undefined;
    return field.levels.some((l) => l.value === digit) ? digit : undefined;
  }
  const option = field.options[digit - 1];
  if (!option) return undefined;
  if (field.kind === 'single') return option.id;
  const chosen = Array.isArray(current) ? current : [];
  const next = chosen.includes(option.id) ? chosen.filter((o) => o !== option.id) : [...chosen, option.id];
  return next.length ? next : null;
}

/** Whether typing in the field moves on to the next one by itself (one keystroke answers it). */
export function advancesAfterKey(field: PaperField): boolean {
  return field.kind === 'rating' || field.kind === 'single';
}

/** The answers without the cleared ones. */
export function withAnswer(answers: Answers, id: string, value: AnswerValue | null): Answers {
  const { [id]: _old, ...rest } = answers;
  return value === null ? rest : { ...rest, [id]: value };
}
