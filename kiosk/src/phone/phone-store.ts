// The phone page's state as signals: which screen shows, the invitation it is about, and the
// answers of the questionnaire in hand. Nothing is kept in cookies or storage, except, on a unit's
// open link, the anonymous browser id its limits need (localStorage, never sent as a cookie).
import { computed, signal } from '@preact/signals';
import { askedAnswers, type AnswerValue, type Answers } from '../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../survey-defs/schema';
import type { CitizenBoot } from '../shared/boot-data';
import { createCitizenLanguage } from '../shared/citizen-language';
import { randomId } from '../shared/random-id';
import { surveySteps } from '../shared/survey-steps';
import { anonymousDeviceId } from '../shared/random-id';
import { fetchInvitation, fetchOpenLink, fetchSurvey, readInvitation, readOpenLink, resolveCode, sendAnswers, sendOpenAnswers, type CodeResult, type Invitation, type Problem } from './phone-api';

export type Screen =
  | { kind: 'loading' }
  | { kind: 'code' }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'quick' }
  | { kind: 'reasons' }
  | { kind: 'offer'; justRated: boolean }
  | { kind: 'step'; index: number }
  | { kind: 'feedback'; back: Screen }
  | { kind: 'done' };

/** `boot`: what the server embedded in the page for its address (the invitation, the quick rating, the languages). */
export function createPhoneStore(path: string, boot: Partial<CitizenBoot> = {}) {
  const token = signal(/^\/s\/([^/]+)\/?$/.exec(path)?.[1] ?? '');
  // /danh-gia/<unit>: the unit's open link, answered without an invitation (counted apart).
  const openUnit = decodeURIComponent(/^\/danh-gia\/([^/]+)\/?$/.exec(path)?.[1] ?? '');
  const language = createCitizenLanguage(boot.languages);
  const screen = signal<Screen>(token.value || openUnit ? { kind: 'loading' } : { kind: 'code' });
  const invitation = signal<Invitation | null>(null);
  const quick = signal<SurveyDefinition | null>(null);
  const full = signal<SurveyDefinition | null>(null);
  const answers = signal<Answers>({});
  const sending = signal(false);
  const sendFailed = signal(false);
  // One id per questionnaire: a retry after a lost answer is recognised as a resend (200).
  let responseId = randomId();

  // Only the elements of the parts the invitation asks (the server refuses answers to the others).
  const steps = computed(() => (full.value ? surveySteps(full.value, invitation.value?.surveys.parts) : []));

  /** The first load may use what the server embedded (no await, so the first render shows the question); a code typed later fetches. */
  let embedded: Partial<CitizenBoot> | null = boot;

  async function load() {
    void language.loadLanguages();
    const given = embedded;
    embedded = null;
    if (!token.value && !openUnit) return;
    screen.value = { kind: 'loading' };
    const answer = given?.invitation;
    const found = answer ? (openUnit ? readOpenLink : readInvitation)(answer.status, answer.body)
      : openUnit ? await fetchOpenLink(openUnit) : await fetchInvitation(token.value);
    if (!found.ok) return void (screen.value = { kind: 'problem', problem: found.problem });
    const inv = found.invitation;
    invitation.value = inv;
    const fullLeft = inv.surveys.full !== null && !inv.answered.full;
    if (inv.answered.quick && !fullLeft) return void (screen.value = { kind: 'problem', problem: 'used' });
    try {
      quick.value = given?.quick?.id === inv.surveys.quick ? given.quick : await fetchSurvey(inv.surveys.quick);
    } catch {
      return void (screen.value = { kind: 'problem', problem: 'offline' });
    }
    screen.value = inv.answered.quick ? { kind: 'offer', justRated: false } : { kind: 'quick' };
  }

  async function enterCode(code: string): Promise<CodeResult> {
    const result = await resolveCode(code);
    if (result.ok) {
      token.value = result.token;
      history.replaceState(null, '', `/s/${result.token}`);
      await load();
    }
    return result;
  }

  function answer(questionId: string, value: AnswerValue) {
    answers.value = { ...answers.value, [questionId]: value };
  }

  function chooseQuickLevel(value: number) {
    answers.value = { overall: value };
    screen.value = { kind: 'reasons' };
  }

  async function startFull() {
    const id = invitation.value?.surveys.full;
    if (!id) return;
    try {
      full.value ??= await fetchSurvey(id);
    } catch {
      return void (screen.value = { kind: 'problem', problem: 'offline' });
    }
    answers.value = {};
    responseId = randomId();
    screen.value = { kind: 'step', index: 0 };
  }

  async function submit(def: SurveyDefinition) {
    if (sending.value) return;
    sending.value = true;
    sendFailed.value = false;
    const body = { id: responseId, surveyId: def.id, surveyVersion: def.version, answers: askedAnswers(def, answers.value) };
    const result = openUnit ? await sendOpenAnswers(openUnit, anonymousDeviceId(), body) : await sendAnswers(token.value, body);
    sending.value = false;
    if (!result.ok && result.retryable) return void (sendFailed.value = true);
    answers.value = {};
    responseId = randomId();
    if (!result.ok) return void (screen.value = { kind: 'problem', problem: result.problem });
    if (invitation.value) {
      const which = def.id === invitation.value.surveys.quick ? 'quick' : 'full';
      invitation.value = { ...invitation.value, answered: { ...invitation.value.answered, [which]: true } };
    }
    const fullLeft = def.id === invitation.value?.surveys.quick && invitation.value.surveys.full !== null && !invitation.value.answered.full;
    screen.value = fullLeft ? { kind: 'offer', justRated: true } : { kind: 'done' };
  }

  return {
    ...language, token, openUnit, screen, invitation, quick, full, answers, sending, sendFailed, steps,
    load, enterCode, answer, chooseQuickLevel, startFull, submit,
    go: (index: number) => void (screen.value = index < 0 ? { kind: 'offer', justRated: false } : { kind: 'step', index }),
    finish: () => void (screen.value = { kind: 'done' }),
    /** Feedback about this dossier, then back to where the person was. */
    openFeedback: () => void (screen.value = { kind: 'feedback', back: screen.value }),
    backToQuick: () => void (screen.value = { kind: 'quick' }),
  };
}

export type PhoneStore = ReturnType<typeof createPhoneStore>;
