// The draft as the kiosk (a tablet) and the phone page show it, in a frame of the device's size
// with the citizen pages' own styles, so their media queries apply as on the device. The
// screens are the citizen components themselves (StepView), rendered into the frame; answers
// given here follow the questions' showIf conditions and are never sent.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AnswerValue, Answers } from '../../../../survey-defs/check-answers';
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import { citizenMessages, t as citizenT, vietnamese, type MessageTree } from '../../shared/i18n';
import { StepView } from '../../shared/StepView';
import { surveySteps } from '../../shared/survey-steps';
import kioskCss from '../../kiosk/kiosk.css?url';
import phoneCss from '../../phone/phone.css?url';
import sharedCss from '../../shared/styles.css?url';
import type { T } from './fields';

type Device = 'tablet' | 'phone';
const DEVICES: Record<Device, { width: number; height: number; scale: number; css: string; main: string; title: string }> = {
  tablet: { width: 1024, height: 768, scale: 0.45, css: kioskCss, main: 'main', title: 'app.title' },
  phone: { width: 375, height: 720, scale: 0.7, css: phoneCss, main: 'main phone', title: 'phone.title' },
};

/** The draft with what the screens cannot draw left out (a criterion on a scale that does not exist). */
function drawable(def: SurveyDefinition): SurveyDefinition {
  return { ...def, elements: def.elements.map((el) => ({ ...el, criteria: el.criteria.filter((c) => def.scales[c.scale]?.levels?.length) })) };
}

export function Preview({ t, def }: { t: T; def: SurveyDefinition }) {
  const [device, setDevice] = useState<Device>('tablet');
  const [lang, setLang] = useState('vi');
  const [messages, setMessages] = useState<MessageTree>(vietnamese);
  const [answers, setAnswers] = useState<Answers>({});
  const [index, setIndex] = useState(0);
  const shown = useMemo(() => drawable(def), [def]);
  const steps = useMemo(() => surveySteps(shown), [shown]);
  const at = Math.min(index, Math.max(0, steps.length - 1));
  const step = steps[at];
  const size = DEVICES[device];
  const ct = (key: string, params?: Record<string, string | number>) => citizenT(messages, key, params);

  useEffect(() => {
    void citizenMessages(lang).then(setMessages, () => setMessages(vietnamese));
  }, [lang]);

  const frame = useRef<HTMLIFrameElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    doc.documentElement.lang = lang;
    doc.title = t('questionnaires.preview.frameTitle');
    doc.head.replaceChildren(
      ...[sharedCss, size.css].map((href) => Object.assign(doc.createElement('link'), { rel: 'stylesheet', href })),
    );
    setBody(doc.body);
  }, [device]);
  useEffect(() => {
    if (frame.current?.contentDocument) frame.current.contentDocument.documentElement.lang = lang;
  }, [lang, body]);

  const answer = (id: string, value: AnswerValue) => setAnswers((a) => ({ ...a, [id]: value }));
  const screen = step && (
    <>
      <header class="topbar">
        <p class="topbar__title">{ct(size.title)}</p>
      </header>
      <main class={size.main}>
        <StepView def={shown} step={step} index={at} total={steps.length} answers={answers} lang={lang} t={ct} onAnswer={answer}>
          <div class="nav">
            <button type="button" class="button button--secondary" disabled={at === 0} onClick={() => setIndex(at - 1)}>
              {ct('nav.back')}
            </button>
            <button type="button" class="button button--primary" disabled={at === steps.length - 1} onClick={() => setIndex(at + 1)}>
              {ct('nav.next')}
            </button>
          </div>
        </StepView>
      </main>
    </>
  );

  // The frame's own tree, drawn into its body on every change (no preact/compat portal: it would
  // patch the whole staff page's Preact).
  useEffect(() => {
    if (body) render(screen || null, body);
  });
  useEffect(() => () => {
    if (body) render(null, body);
  }, [body]);

  return (
    <section class="qe-preview" aria-labelledby="qe-preview-heading">
      <h2 id="qe-preview-heading">{t('questionnaires.preview.heading')}</h2>
      <div class="qe-buttons" role="group" aria-label={t('questionnaires.preview.device')}>
        {(['tablet', 'phone'] as const).map((d) => (
          <button key={d} type="button" class="qe-chip" aria-pressed={device === d} onClick={() => setDevice(d)}>
            {t(`questionnaires.preview.${d}`)}
          </button>
        ))}
      </div>
      <div class="qe-buttons" role="group" aria-label={t('questionnaires.preview.language')}>
        {(['vi', 'en'] as const).map((code) => (
          <button key={code} type="button" class="qe-chip" aria-pressed={lang === code} onClick={() => setLang(code)}>
            {t(`questionnaires.languages.${code}Title`)}
          </button>
        ))}
      </div>
      <label class="field" for="qe-preview-step">
        {t('questionnaires.preview.screen')}
        <select id="qe-preview-step" value={at} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
          {steps.map((s, i) => (
            <option key={s.id} value={i}>{`${i + 1}. ${s.title ? s.title[lang] || s.title.vi : t('questionnaires.preview.otherQuestions')}`}</option>
          ))}
        </select>
      </label>
      <div class="qe-frame" style={{ width: `${size.width * size.scale}px`, height: `${size.height * size.scale}px` }}>
        <iframe
          key={device}
          ref={frame}
          class="qe-frame__device"
          data-device={device}
          title={t('questionnaires.preview.frameTitle')}
          style={{ width: `${size.width}px`, height: `${size.height}px`, transform: `scale(${size.scale})` }}
        />
      </div>
    </section>
  );
}
