// Pure edits of a draft definition: every change returns a new object, so the preview and the
// live check see each keystroke. Nothing here knows about Preact or the server.
import type { LocalizedText, Question, SurveyDefinition } from '../../../../survey-defs/schema';

export type Path = (string | number)[];

/** The list with the item at `from` placed at `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
  return next;
}

/** `root` with the value at `path` replaced (undefined removes an object key). */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [head, ...rest] = path;
  const child = (root as Record<string | number, unknown>)[head!];
  const next = setAt(child, rest, value);
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = next;
    return copy as T;
  }
  const copy = { ...(root as object) } as Record<string | number, unknown>;
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy as T;
}

/** The value at `path`, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]), root);
}

/**
 * A text with one language changed. Vietnamese stays even when empty (the check then names it);
 * another language left empty is taken out, since the pages fall back to Vietnamese.
 */
export function setText(text: LocalizedText | undefined, lang: string, value: string): LocalizedText {
  const next: Record<string, string> = { vi: '', ...(text ?? {}) };
  if (lang === 'vi' || value !== '') next[lang] = value;
  else delete next[lang];
  return next as LocalizedText;
}

/** Every id that answers are keyed by: elements, criteria and questions share one namespace. */
export function usedIds(def: SurveyDefinition): Set<string> {
  const ids = new Set<string>();
  for (const el of def.elements) {
    ids.add(el.id);
    for (const c of el.criteria) ids.add(c.id);
  }
  for (const q of def.questions) ids.add(q.id);
  return ids;
}

/** `prefix_1`, `prefix_2` … the first not in `taken`. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let n = 1; ; n++) if (!set.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

const firstScale = (def: SurveyDefinition) => Object.keys(def.scales)[0] ?? '';

export function newCriterion(def: SurveyDefinition) {
  return { id: freshId('criterion', usedIds(def)), text: { vi: '' }, scale: firstScale(def), required: false };
}

export function newElement(def: SurveyDefinition) {
  const id = freshId('element', usedIds(def));
  const taken = new Set([...usedIds(def), id]);
  return { id, title: { vi: '' }, weight: 1, criteria: [{ id: freshId('criterion', taken), text: { vi: '' }, scale: firstScale(def), required: false }] };
}

export function newQuestion(def: SurveyDefinition): Question {
  return {
    id: freshId('question', usedIds(def)),
    type: 'single',
    text: { vi: '' },
    required: false,
    breakdown: false,
    options: [
      { id: 'option_1', label: { vi: '' } },
      { id: 'option_2', label: { vi: '' } },
    ],
  };
}

export function newOption(options: { id: string }[]) {
  return { id: freshId('option', options.map((o) => o.id)), label: { vi: '' } };
}

/**
 * The question with another type: choices keep their options, a text question gets a length
 * limit; what the new type cannot have (options, report, priority, breakdown) is dropped.
 */
export function changeQuestionType(q: Question, type: Question['type']): Question {
  const { id, text, required, section, help, showIf, reconstructed } = q;
  const common = { id, text, required, ...(section ? { section } : {}), ...(help ? { help } : {}), ...(showIf ? { showIf } : {}), ...(reconstructed ? { reconstructed } : {}) };
  const options = 'options' in q ? q.options : [newOption([]), newOption([{ id: 'option_1' }])];
  if (type === 'text') return { ...common, type, maxLength: 'maxLength' in q ? q.maxLength : 1000 };
  if (type === 'multi') return { ...common, type, options };
  return { ...common, type, options, breakdown: false };
}
