// The kiosk's state as signals: which screen is showing and what the current person has
// answered. reset() forgets every answer, ready for the next person.
import { computed, effect, signal } from '@preact/signals';
import { askedAnswers, type AnswerValue, type Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import type { CitizenBoot } from '../shared/boot-data';
import { createCitizenLanguage } from '../shared/citizen-language';
import { randomId } from '../shared/random-id';
import { surveySteps } from '../shared/survey-steps';
import { DEFAULT_SURVEY, type DeviceLink } from './device-link';
import { keepOffline } from './keep-offline';

export type Screen = { kind: 'welcome' } | { kind: 'reasons' } | { kind: 'step'; index: number } | { kind: 'thanks' } | { kind: 'feedback' };

/** Settings until the server has told the tablet its own (see server/kiosk/device-settings.ts). */
const FALLBACK_SETTINGS = { thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 15 };

/** `boot`: what the server embedded in the page (the quick rating, the languages); the rest is fetched. */
export function createKioskStore(link: DeviceLink, boot: Partial<CitizenBoot> = {}) {
  const language = createCitizenLanguage(boot.languages);
  const { lang, setLanguage } = language;
  // The quick rating the page came with: the welcome screen's first render can show it.
  const quick = signal<SurveyDefinition | null>(boot.quick ?? null);
  const full = signal<SurveyDefinition | null>(null);
  const loadFailed = signal(false);
  const screen = signal<Screen>({ kind: 'welcome' });
  const mode = signal<'quick' | 'full'>('quick');
  const answers = signal<Answers>({});
  const sending = signal(false);
  const sendFailed = signal(false);
  const textScale = signal(1);
  /** A new version of the kiosk is installed; it takes over at the next reset. */
  const updateReady = signal(false);

  /** The questionnaire and parts the server names for this kiosk (a tablet enrolled before it named them: sipas-2017, every part). */
  const assigned = computed(() => link.device.value?.survey ?? DEFAULT_SURVEY);
  const fullId = computed(() => assigned.value.id);
  /** Changes when the server offers another version of either questionnaire (published or retired). */
  const fullVersion = computed(() => link.device.value?.versions?.full ?? null);
  const quickVersion = computed(() => link.device.value?.versions?.quick ?? null);
  /** The parts of the questionnaire in hand: fixed when a person starts it, so a new setting never changes their screens. */
  const parts = signal<readonly string[] | null>(null);
  /** A boolean, so the heartbeat's fresh device object does not fetch the questionnaire again. */
  const enrolled = computed(() => link.device.value !== null);
  /**
   * The questionnaire in hand is the one this kiosk is assigned. Just after enrolment, or when
   * the server names another, the previous one may still be held: nobody may start it then.
   */
  const fullReady = computed(() => full.value !== null && full.value.id === fullId.value);
  const survey = computed(() => (mode.value === 'quick' ? quick.value : full.value));
  const steps = computed(() => (full.value ? surveySteps(full.value, parts.value) : []));
  const settings = computed(() => link.device.value?.settings ?? FALLBACK_SETTINGS);
  /** A questionnaire the server named while someone was answering the previous one: it takes over at the next reset. */
  let waiting: SurveyDefinition | null = null;
  let waitingQuick: SurveyDefinition | null = null;

  async function load() {
    void language.loadLanguages();
    // The questionnaire follows the device's setting and the version offered, which a heartbeat
    // may change. Fetched beside the quick rating, not after it: the welcome screen needs only that.
    // Nothing is fetched before enrolment: until then the tablet knows no questionnaire of its own.
    effect(() => {
      if (!enrolled.value) return;
      void fullVersion.value;
      void loadFull(fullId.value);
    });
    if (quick.value) {
      // The page may come from the service worker's cache, with the rating of the day it was
      // installed: the questionnaire's own address (network, else the worker's newer copy) decides.
      void reloadQuick();
    } else {
      try {
        quick.value = await fetchSurvey('counter-quick');
      } catch {
        loadFailed.value = true;
      }
    }
    effect(() => {
      const offered = quickVersion.value;
      if (offered !== null && quick.value && quick.value.version !== offered) void reloadQuick();
    });
  }

  /** A new version of the quick rating: taken when nobody is answering it (else at the next reset). */
  async function reloadQuick() {
    try {
      const def = await fetchSurvey('counter-quick');
      // The same version again (the network failed and the service worker answered from its
      // cache): nothing to swap, and no loop of reloads.
      if (def.version === quick.value?.version) return;
      if (screen.value.kind === 'welcome') quick.value = def;
      else waitingQuick = def;
    } catch {
      // Offline: the version in hand is still taken (answers given before a retirement count).
    }
  }

  async function loadFull(id: string) {
    try {
      const def = await fetchSurvey(id);
      if (id !== fullId.value) return; // changed again meanwhile
      keepOffline([`/api/surveys/${id}`]);
      if (mode.value === 'full' && screen.value.kind === 'step') waiting = def;
      else {
        full.value = def;
        parts.value = assigned.value.parts;
      }
    } catch {
      if (!full.value) loadFailed.value = true;
    }
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
    if (!fullReady.value) return; // its button waits for it
    parts.value = assigned.value.parts;
    mode.value = 'full';
    answers.value = {};
    screen.value = { kind: 'step', index: 0 };
  }

  function go(index: number) {
    if (index < 0) reset();
    else screen.value = { kind: 'step', index };
  }

  /** Keeps the answers on the tablet (they are sent as soon as the server can be reached) and thanks the person. */
  async function submit() {
    const def = survey.value;
    if (!def || sending.value) return;
    sending.value = true;
    sendFailed.value = false;
    const kept = await link.queue({
      id: randomId(),
      surveyId: def.id,
      surveyVersion: def.version,
      answers: askedAnswers(def, answers.value),
      channel: 'kiosk',
      submittedAt: new Date().toISOString(),
    });
    sending.value = false;
    if (kept) {
      answers.value = {};
      screen.value = { kind: 'thanks' };
    } else sendFailed.value = true;
  }

  /**
   * Nobody has touched the kiosk for the idle timeout. A face tapped on the welcome screen was an
   * answer, so it is kept (with any reasons chosen); a half-finished full questionnaire is not.
   */
  async function timeOut() {
    if (screen.value.kind === 'reasons' && mode.value === 'quick' && !sending.value) await submit();
    reset();
  }

  /** Back to the welcome screen, in Vietnamese and normal text size, with nothing of the previous person left. */
  function reset() {
    if (updateReady.value) return location.reload();
    if (waiting) {
      full.value = waiting;
      waiting = null;
    }
    if (waitingQuick) {
      quick.value = waitingQuick;
      waitingQuick = null;
    }
    answers.value = {};
    mode.value = 'quick';
    sendFailed.value = false;
    textScale.value = 1;
    screen.value = { kind: 'welcome' };
    if (lang.value !== 'vi') void setLanguage('vi');
  }

  return {
    ...language, link, quick, full, fullReady, parts, loadFailed, screen, mode, answers, sending, sendFailed, textScale, updateReady, survey, steps, settings,
    load, answer, chooseQuickLevel, startFull, go, submit, timeOut, reset,
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;

async function fetchSurvey(id: string): Promise<SurveyDefinition> {
  const res = await fetch(`/api/surveys/${id}`);
  if (!res.ok) throw new Error(`survey ${id}: ${res.status}`);
  return res.json();
}
