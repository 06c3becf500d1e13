// An issue of the definition in the person's language, naming the field as they see it:
// "Tiêu chí 3 của yếu tố «Tiếp cận dịch vụ»: nội dung tiếng Việt không được để trống". Pure.
import type { LocalizedText, SurveyDefinition } from '../../../../survey-defs/schema';
import type { DefinitionIssue } from './definition-issues';
import { getAt } from './draft-model';

type T = (key: string, params?: Record<string, string | number>) => string;

/** The DOM id of the editor's field (or box) for a path of the definition. */
export const fieldId = (path: string | (string | number)[]) => `qe-${(typeof path === 'string' ? path.split('.') : path).join('-')}`;

/** Field names the editor knows (the last part of a path, or a text's part before its language). */
const FIELDS = ['id', 'text', 'title', 'label', 'help', 'intro', 'method', 'scale', 'weight', 'required', 'section', 'showIf', 'question', 'anyOf', 'options', 'criteria', 'elements', 'levels', 'value', 'face', 'satisfied', 'dissatisfied', 'noOpinion', 'report', 'priority', 'breakdown', 'maxLength', 'overall', 'type', 'questions', 'scales', 'sections', 'groups', 'version'];

function quote(text: LocalizedText | undefined, lang: string): string {
  const words = text?.[lang] || text?.vi || '';
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

/** "Tiêu chí 3 của yếu tố «…»" and what is left of the path after it. */
function where(def: SurveyDefinition, parts: string[], t: T, lang: string): { place: string; rest: string[] } {
  const [head, a, b, c, ...more] = parts;
  const n = (x: string | undefined) => Number(x) + 1;
  if (head === 'elements' && a !== undefined) {
    const el = def.elements[Number(a)];
    const name = quote(el?.title, lang);
    if (b === 'criteria' && c !== undefined) return { place: t('questionnaires.where.criterion', { n: n(c), element: name }), rest: more };
    return { place: t('questionnaires.where.element', { n: n(a), element: name }), rest: parts.slice(2) };
  }
  if (head === 'questions' && a !== undefined) {
    const q = def.questions[Number(a)];
    const name = quote(q?.text, lang);
    if (b === 'options' && c !== undefined) return { place: t('questionnaires.where.option', { n: n(c), question: name }), rest: more };
    return { place: t('questionnaires.where.question', { n: n(a), question: name }), rest: parts.slice(2) };
  }
  if (head === 'scales' && a !== undefined) {
    if (b === 'levels' && c !== undefined) return { place: t('questionnaires.where.level', { n: n(c), scale: a }), rest: more };
    return { place: t('questionnaires.where.scale', { scale: a }), rest: parts.slice(2) };
  }
  if (head === 'sections' && a !== undefined) return { place: t('questionnaires.where.section', { n: n(a), section: quote(def.sections[Number(a)]?.title, lang) }), rest: parts.slice(2) };
  if (head === 'groups' && a !== undefined) return { place: t('questionnaires.where.group', { n: n(a), group: quote(def.groups[Number(a)]?.title, lang) }), rest: parts.slice(2) };
  return { place: t('questionnaires.where.survey'), rest: parts };
}

/** "nội dung tiếng Việt", "mã", "thang đo" … or '' when the place says it all. */
function fieldName(rest: string[], t: T): string {
  const names = rest.filter((p) => !/^\d+$/.test(p));
  const field = [...names].reverse().find((p) => FIELDS.includes(p));
  if (!field) return '';
  const lang = names[names.length - 1];
  const words = t(`questionnaires.fields.${field}`);
  return lang && lang !== field && !FIELDS.includes(lang) ? t('questionnaires.fields.inLanguage', { field: words, language: t(`questionnaires.languages.${lang}`) }) : words;
}

function what(def: SurveyDefinition, issue: DefinitionIssue, t: T): string {
  const has = (key: string) => t(key) !== key;
  const params = Object.fromEntries(Object.entries(issue.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  if (issue.code === 'too_small') {
    // A list too short (fewer options than 2) or a text left empty; zod's built-in issues come
    // without their minimum, which its message still carries.
    if (!Array.isArray(getAt(def, issue.path.split('.')))) return t('questionnaires.issues.empty');
    return t('questionnaires.issues.too_few', { minimum: params.minimum ?? /\d+/.exec(issue.message)?.[0] ?? 1 });
  }
  if (has(`questionnaires.issues.${issue.code}`)) return t(`questionnaires.issues.${issue.code}`, params);
  if (has(`errors.issues.${issue.code}`)) return t(`errors.issues.${issue.code}`);
  return t('errors.issues.custom');
}

/** The sentence for one issue and the field it is about. */
export function issueWords(def: SurveyDefinition, issue: DefinitionIssue, t: T, lang: string): { text: string; target: string } {
  const parts = issue.path ? issue.path.split('.') : [];
  const { place, rest } = where(def, parts, t, lang);
  const field = fieldName(rest, t);
  return { text: `${place}: ${field ? `${field} ` : ''}${what(def, issue, t)}`, target: fieldId(parts) };
}
