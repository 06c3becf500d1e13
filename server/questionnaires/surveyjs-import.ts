// A questionnaire from a SurveyJS JSON (a subset): pages of rating, radiogroup, checkbox and comment
// questions, with simple visibleIf conditions. Ratings of a page become the criteria of one
// element (the page's name and title); the other questions of a page its section. Anything the
// subset has no place for is refused, naming the element and its JSON path: importing never
// silently drops or alters a text. Pure.
import type { DefinitionIssue } from '../../survey-defs/definition-issues';
import type { LocalizedText } from '../../survey-defs/schema';
import { fromSurveyJsText } from './surveyjs-text';

export const UNSUPPORTED_SURVEYJS = 'unsupported_surveyjs';
/** What the method field says of an imported questionnaire: SurveyJS has no place for it. */
export const SURVEYJS_METHOD = 'SurveyJS';

const ID = /^[a-z][a-z0-9_]{0,47}$/;
const FACES = ['very-sad', 'sad', 'neutral', 'happy', 'very-happy'] as const;
/** Properties that only place a question on the screen: nothing of its meaning or words. */
const LAYOUT = ['width', 'minWidth', 'maxWidth', 'startWithNewLine', 'indent', 'titleLocation', 'hideNumber', 'colCount', 'rows', 'autoGrow', 'allowResize', 'rateType', 'rateDisplayMode', 'displayMode'];
const COMMON = ['type', 'name', 'title', 'description', 'isRequired', 'visibleIf', ...LAYOUT];
const ALLOWED: Record<string, readonly string[]> = {
  rating: [...COMMON, 'rateValues', 'rateMin', 'rateMax', 'rateStep', 'minRateDescription', 'maxRateDescription'],
  radiogroup: [...COMMON, 'choices'],
  checkbox: [...COMMON, 'choices'],
  comment: [...COMMON, 'maxLength'],
};
const SURVEY_KEYS = ['title', 'description', 'pages', 'locale', 'showQuestionNumbers', 'showProgressBar', 'progressBarType', 'questionsOnPageMode', 'widthMode', 'logoPosition', 'questionTitleLocation'];
const PAGE_KEYS = ['name', 'title', 'elements'];
/** A comment box without its own limit takes the longest text a sipas question may. */
const DEFAULT_MAX_LENGTH = 4000;

type Obj = Record<string, unknown>;
type Level = { value: number; label: LocalizedText; face: (typeof FACES)[number] };

export type SurveyJsImport = { ok: true; definition: Obj } | { ok: false; issues: DefinitionIssue[] };

export function fromSurveyJs(json: unknown, id: string): SurveyJsImport {
  const issues: DefinitionIssue[] = [];
  const refuse = (path: string, message: string) => issues.push({ path, code: UNSUPPORTED_SURVEYJS, message });
  if (!isObj(json)) return { ok: false, issues: [{ path: '', code: UNSUPPORTED_SURVEYJS, message: 'a SurveyJS survey is a JSON object' }] };
  unknownKeys(json, SURVEY_KEYS).forEach((k) => refuse(k, `the survey property "${k}" is not supported`));
  const title = textAt(json.title, 'title', 'the survey title', refuse, true);
  const intro = textAt(json.description, 'description', 'the survey description (it becomes the introduction)', refuse, true);
  if (!Array.isArray(json.pages) || !json.pages.length) {
    refuse('pages', 'the survey needs pages of questions');
    return { ok: false, issues };
  }

  const scales = new Map<string, { id: string; levels: Level[] }>();
  const elements: Obj[] = [];
  const questions: Obj[] = [];
  const sections = new Map<string, Obj>();
  json.pages.forEach((page: unknown, p: number) => {
    const at = `pages.${p}`;
    if (!isObj(page)) return refuse(at, `page ${p} is not an object`);
    unknownKeys(page, PAGE_KEYS).forEach((k) => refuse(`${at}.${k}`, `the page property "${k}" is not supported (page ${show(page.name)})`));
    const name = typeof page.name === 'string' ? page.name : '';
    if (!ID.test(name)) refuse(`${at}.name`, `page name "${name}" must be lower-case letters, digits and _ (max 48), starting with a letter`);
    const pageTitle = page.title === undefined ? undefined : textAt(page.title, `${at}.title`, `the title of page "${name}"`, refuse, false);
    if (!Array.isArray(page.elements)) return refuse(`${at}.elements`, `page "${name}" has no elements`);
    const criteria: Obj[] = [];
    page.elements.forEach((el: unknown, e: number) => {
      const path = `${at}.elements.${e}`;
      const q = question(el, path, refuse);
      if (!q) return;
      if (q.type === 'rating') {
        const levels = ratingLevels(q.el, path, q.label, refuse);
        if (q.el.visibleIf !== undefined) refuse(`${path}.visibleIf`, `${q.label}: a rating is a criterion and is always asked; visibleIf is not supported on it`);
        if (!levels) return;
        const key = JSON.stringify(levels);
        if (!scales.has(key)) scales.set(key, { id: `scale_${scales.size + 1}`, levels });
        criteria.push({ id: q.name, text: q.text, scale: scales.get(key)!.id, required: q.required, ...(q.help ? { help: q.help } : {}) });
        return;
      }
      const showIf = q.el.visibleIf === undefined ? undefined : condition(q.el.visibleIf, `${path}.visibleIf`, q.label, refuse);
      const base = { id: q.name, text: q.text, required: q.required, ...(q.help ? { help: q.help } : {}), ...(showIf ? { showIf } : {}) };
      const section = pageTitle ? { section: name } : {};
      if (q.type === 'comment') {
        const max = q.el.maxLength ?? DEFAULT_MAX_LENGTH;
        if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > DEFAULT_MAX_LENGTH) refuse(`${path}.maxLength`, `${q.label}: maxLength must be a whole number from 1 to ${DEFAULT_MAX_LENGTH}`);
        questions.push({ ...base, ...section, type: 'text', maxLength: max });
      } else {
        const options = choices(q.el.choices, `${path}.choices`, q.label, refuse);
        if (options) questions.push({ ...base, ...section, type: q.type === 'radiogroup' ? 'single' : 'multi', options });
      }
      if (pageTitle && !sections.has(name)) sections.set(name, { id: name, title: pageTitle });
    });
    if (criteria.length) {
      if (!pageTitle) refuse(`${at}.title`, `page "${name}" has ratings: it becomes an element, which needs a title`);
      else elements.push({ id: name, title: pageTitle, criteria });
    }
  });
  if (!elements.length && !issues.length) refuse('pages', 'a questionnaire needs at least one rating question (a criterion)');
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    definition: {
      id,
      version: 1,
      status: 'draft',
      title,
      intro,
      method: SURVEYJS_METHOD,
      scales: Object.fromEntries([...scales.values()].map((s) => [s.id, scaleOf(s.levels)])),
      elements,
      questions,
      sections: [...sections.values()],
      groups: [],
      scoring: { overall: 'mean' },
    },
  };
}

type Refuse = (path: string, message: string) => void;

function question(el: unknown, path: string, refuse: Refuse) {
  if (!isObj(el)) return refuse(path, 'an element is not an object'), undefined;
  const type = typeof el.type === 'string' ? el.type : show(el.type);
  const name = typeof el.name === 'string' ? el.name : show(el.name);
  const label = `element "${name}" (type ${type}) at ${path}`;
  const allowed = Object.hasOwn(ALLOWED, type) ? ALLOWED[type] : undefined;
  if (!allowed) return refuse(path, `${label} is not supported: only rating, radiogroup, checkbox and comment are`), undefined;
  unknownKeys(el, allowed).forEach((k) => refuse(`${path}.${k}`, `${label}: the property "${k}" is not supported`));
  if (!ID.test(name)) refuse(`${path}.name`, `${label}: the name must be lower-case letters, digits and _ (max 48), starting with a letter`);
  if (el.isRequired !== undefined && typeof el.isRequired !== 'boolean') refuse(`${path}.isRequired`, `${label}: isRequired is true or false`);
  const text = textAt(el.title, `${path}.title`, `the title of ${label}`, refuse, true);
  const help = el.description === undefined ? undefined : textAt(el.description, `${path}.description`, `the description of ${label}`, refuse, false);
  return { el, type, name, label, text, help, required: el.isRequired === true };
}

/** The levels of a rating: its rateValues, or rateMin..rateMax in steps of 1 (SurveyJS: 1..5). */
function ratingLevels(el: Obj, path: string, label: string, refuse: Refuse): Level[] | undefined {
  let levels: { value: number; label: LocalizedText }[] = [];
  if (el.rateValues !== undefined) {
    if (!Array.isArray(el.rateValues)) return refuse(`${path}.rateValues`, `${label}: rateValues is a list`), undefined;
    for (const [i, v] of el.rateValues.entries()) {
      const item: Obj = isObj(v) ? v : { value: v };
      unknownKeys(item, ['value', 'text']).forEach((k) => refuse(`${path}.rateValues.${i}.${k}`, `${label}: the rate value property "${k}" is not supported`));
      const value = item.value;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10) return refuse(`${path}.rateValues.${i}`, `${label}: rate values must be whole numbers from 1 to 10`), undefined;
      const text = item.text === undefined ? { vi: String(value) } : textAt(item.text, `${path}.rateValues.${i}.text`, `a rate value text of ${label}`, refuse, true);
      if (!text) return undefined;
      levels.push({ value, label: text });
    }
    if (el.rateMin !== undefined || el.rateMax !== undefined || el.minRateDescription !== undefined || el.maxRateDescription !== undefined) {
      refuse(path, `${label}: rateValues together with rateMin/rateMax or their descriptions is not supported`);
    }
  } else {
    const min = el.rateMin ?? 1;
    const max = el.rateMax ?? 5;
    const step = el.rateStep ?? 1;
    if (step !== 1) return refuse(`${path}.rateStep`, `${label}: only a rateStep of 1 is supported`), undefined;
    if (![min, max].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10) || (min as number) >= (max as number)) {
      return refuse(path, `${label}: rateMin and rateMax must be whole numbers from 1 to 10, rateMin below rateMax`), undefined;
    }
    const minText = el.minRateDescription === undefined ? undefined : textAt(el.minRateDescription, `${path}.minRateDescription`, `the minRateDescription of ${label}`, refuse, true);
    const maxText = el.maxRateDescription === undefined ? undefined : textAt(el.maxRateDescription, `${path}.maxRateDescription`, `the maxRateDescription of ${label}`, refuse, true);
    for (let v = min as number; v <= (max as number); v++) levels.push({ value: v, label: (v === min ? minText : v === max ? maxText : undefined) ?? { vi: String(v) } });
  }
  if (levels.length < 2 || new Set(levels.map((l) => l.value)).size !== levels.length) return refuse(path, `${label}: a rating needs at least two different values`), undefined;
  levels = levels.slice();
  const ranked = [...levels].sort((a, b) => a.value - b.value).map((l) => l.value);
  return levels.map((l) => ({ ...l, face: FACES[Math.round((ranked.indexOf(l.value) * 4) / (ranked.length - 1))]! }));
}

/** Above the middle value is satisfied, below it dissatisfied (4 and 5, 1 and 2 on five points). */
function scaleOf(levels: Level[]) {
  const ranked = levels.map((l) => l.value).sort((a, b) => a - b);
  const middle = (ranked.length - 1) / 2;
  return {
    levels,
    satisfied: ranked.filter((_, i) => i > middle),
    dissatisfied: ranked.filter((_, i) => i < middle),
    noOpinion: false,
  };
}

function choices(value: unknown, path: string, label: string, refuse: Refuse): Obj[] | undefined {
  if (!Array.isArray(value) || value.length < 2) return refuse(path, `${label}: needs a list of at least two choices`), undefined;
  const out: Obj[] = [];
  value.forEach((c: unknown, i: number) => {
    const item: Obj = isObj(c) ? c : { value: c };
    unknownKeys(item, ['value', 'text']).forEach((k) => refuse(`${path}.${i}.${k}`, `${label}: the choice property "${k}" is not supported`));
    if (typeof item.value !== 'string' || !ID.test(item.value)) return refuse(`${path}.${i}`, `${label}: a choice value must be lower-case letters, digits and _ (max 48), starting with a letter`);
    const text = item.text === undefined ? { vi: item.value } : textAt(item.text, `${path}.${i}.text`, `a choice text of ${label}`, refuse, true);
    if (text) out.push({ id: item.value, label: text });
  });
  return out.length === value.length ? out : undefined;
}

const EQUALS = /^\s*\{([a-z][a-z0-9_]*)\}\s*==?\s*(['"])([a-z][a-z0-9_]*)\2\s*$/;
const ANY_OF = /^\s*\{([a-z][a-z0-9_]*)\}\s+anyof\s*\[([^\]]*)\]\s*$/i;
const QUOTED = /^\s*(['"])([a-z][a-z0-9_]*)\1\s*$/;

/** `{q} = 'x'` or `{q} anyof ['x', 'y']`: asked when an earlier choice got one of those. */
function condition(value: unknown, path: string, label: string, refuse: Refuse): Obj | undefined {
  const unsupported = () => refuse(path, `${label}: only visibleIf "{question} = 'option'" or "{question} anyof ['a', 'b']" is supported`);
  if (typeof value !== 'string') return unsupported(), undefined;
  const eq = EQUALS.exec(value);
  if (eq) return { question: eq[1], anyOf: [eq[3]] };
  const any = ANY_OF.exec(value);
  if (!any) return unsupported(), undefined;
  const items = any[2]!.split(',').map((s) => QUOTED.exec(s)?.[2]);
  if (!items.length || items.some((s) => s === undefined)) return unsupported(), undefined;
  return { question: any[1], anyOf: items };
}

function textAt(value: unknown, path: string, what: string, refuse: Refuse, required: boolean): LocalizedText | undefined {
  if (value === undefined) {
    if (required) refuse(path, `${what} is missing`);
    return undefined;
  }
  const text = fromSurveyJsText(value);
  if (!text.ok) refuse(path, `${what} ${text.reason}`);
  return text.ok ? text.text : undefined;
}

function unknownKeys(obj: Obj, allowed: readonly string[]): string[] {
  return Object.keys(obj).filter((k) => !allowed.includes(k));
}

/** A value from the file in a message: JSON, since String() of an object may throw ({"toString": {}}). */
export function show(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
