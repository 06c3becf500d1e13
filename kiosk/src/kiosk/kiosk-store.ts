// The kiosk's state as signals: which screen is showing and what the current person has
// answered. reset() forgets every answer, ready for the next person.
import { computed, signal } from '@preact/signals';
import type { AnswerValue, Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import { citizenLanguages, citizenMessages, defaultLanguages, t as translate, vietnamese, type Language, type MessageTree } from '../shared/i18n';
import { sendResponse } from '../shared/send-response';
import { surveySteps } from '../shared/survey-steps';

export type Screen = { kind: 'welcome' } | { kind: 'reasons' } | { kind: 'step'; index: number } | { kind: 'thanks' } | { kind: 'feedback' };

export interface KioskConfig {
  unit?: string;
  /** Seconds the thank-you screen stays before the kiosk resets. */
  thanksSeconds: number;
}

export function createKioskStore(config: KioskConfig) {
  const lang = signal('vi');
  const messages = signal<MessageTree>(vietnamese);
  const languages = signal<Language[]>(defaultLanguages);
  const quick = signal<SurveyDefinition | null>(null);
  const full = signal<SurveyDefinition | null>(null);
  const loadFailed = signal(false);
  const screen = signal<Screen>({ kind: 'welcome' });
  const mode = signal<'quick' | 'full'>('quick');
  const answers = signal<Answers>({});
  const sending = signal(false);
  const sendFailed = signal(false);
  const textScale = signal(1);

  const survey = computed(() => (mode.value === 'quick' ? quick.value : full.value));
  const steps = computed(() => (full.value ? surveySteps(full.value) : []));
  const t = (key: string, params?: Record<string, string | number>) => translate(messages.value, key, params);

  async function load() {
    void citizenLanguages().then((list) => (languages.value = list));
    try {
      const [q, f] = await Promise.all([fetchSurvey('counter-quick'), fetchSurvey('sipas-2017')]);
      quick.value = q;
      full.value = f;
    } catch {
      loadFailed.value = true;
    }
  }

  async function setLanguage(code: string) {
    try {
      messages.value = await citizenMessages(code);
    } catch {
      return; // stay in the current language rather than show half a page
    }
    lang.value = code;
    document.documentElement.lang = code;
  }

  function answer(questionId: string, value: AnswerValue) {
    answers.value = { ...answers.value, [questionId]: value };
  }

  function chooseQuickLevel(value: number) {
    mode.value = 'quick';
    answers.value = { overall: value };
    screen.value = { kind: 'reasons' };
  }

  function startFull() {
    mode.value = 'full';
    answers.value = {};
    screen.value = { kind: 'step', index: 0 };
  }

  function go(index: number) {
    if (index < 0) reset();
    else screen.value = { kind: 'step', index };
  }

  async function submit() {
    const def = survey.value;
    if (!def || sending.value) return;
    sending.value = true;
    sendFailed.value = false;
    const result = await sendResponse({
      id: crypto.randomUUID(),
      surveyId: def.id,
      surveyVersion: def.version,
      answers: answers.value,
      channel: 'kiosk',
      submittedAt: new Date().toISOString(),
      ...(config.unit ? { unit: config.unit } : {}),
    });
    sending.value = false;
    if (result.ok) {
      answers.value = {};
      screen.value = { kind: 'thanks' };
    } else sendFailed.value = true;
  }

  /** Back to the welcome screen with nothing of the previous person left. */
  function reset() {
    answers.value = {};
    mode.value = 'quick';
    sendFailed.value = false;
    screen.value = { kind: 'welcome' };
    if (lang.value !== 'vi') void setLanguage('vi');
  }

  return {
    config, lang, languages, messages, quick, full, loadFailed, screen, mode, answers, sending, sendFailed, textScale, survey, steps,
    t, load, setLanguage, answer, chooseQuickLevel, startFull, go, submit, reset,
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;

async function fetchSurvey(id: string): Promise<SurveyDefinition> {
  const res = await fetch(`/api/surveys/${id}`);
  if (!res.ok) throw new Error(`survey ${id}: ${res.status}`);
  return res.json();
}
