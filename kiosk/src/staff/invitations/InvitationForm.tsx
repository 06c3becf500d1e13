import { useState } from 'preact/hooks';
import { api } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { describeAsked, type SurveySettingValue } from '../survey-setting/survey-setting';
import { SurveySettingFields } from '../survey-setting/SurveySettingFields';
import type { FormOptions, IssuedInvitation } from './invitation-types';

/** The counter's form: the dossier just returned, which gets its QR invitation. */
export function InvitationForm({ store, options, onIssued }: { store: StaffStore; options: FormOptions; onIssued: (i: IssuedInvitation) => void }) {
  const { t, lang } = store;
  const [unit, setUnit] = useState(store.user.value?.unit ?? options.units[0]?.code ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** surveyId null: what the unit asks (the server fills it in when the invitation is issued). */
  const [survey, setSurvey] = useState<SurveySettingValue>({ surveyId: null, parts: null });
  const name = (n: { vi: string; en: string }) => (lang.value === 'en' ? n.en : n.vi);
  /** "As the unit (its questionnaire — its parts)". */
  const unitAsks = () => {
    const asked = options.unitSurveys[unit];
    const words = asked ? describeAsked(options.surveys, asked, lang.value, t('survey.allParts')) : null;
    return t('survey.inheritUnit', { name: words ? `${words.survey} — ${words.parts}` : unit });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const value = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    setBusy(true);
    setError('');
    try {
      const issued = await api<IssuedInvitation>('/api/invitations', {
        json: { dossierCode: value('dossierCode'), unit, procedure: value('procedure'), official: value('official'), dueAt: value('dueAt'), receivedAt: value('receivedAt'),
          ...(survey.surveyId ? { survey: survey.surveyId, surveyParts: survey.parts } : {}) },
      });
      (e.target as HTMLFormElement).reset();
      setSurvey({ surveyId: null, parts: null });
      onIssued(issued);
    } catch (err) {
      setError(store.explain(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form invitation-form" onSubmit={submit}>
      <h2>{t('invitations.form.heading')}</h2>
      {error && <p class="alert" role="alert">{t('invitations.form.failed', { reason: error })}</p>}
      <label class="field">
        <span>{t('invitations.form.dossierCode')}</span>
        <input name="dossierCode" required maxLength={100} autoComplete="off" />
        <small class="hint">{t('invitations.form.dossierHint')}</small>
      </label>
      <label class="field">
        <span>{t('invitations.form.unit')}</span>
        <select name="unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
          {options.units.map((u) => <option key={u.code} value={u.code}>{name(u.name)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('invitations.form.procedure')}</span>
        <select name="procedure" required>
          {options.procedures.map((p) => <option key={p.code} value={p.code}>{p.code} · {name(p.name)}</option>)}
        </select>
      </label>
      <label class="field">
        <span>{t('invitations.form.official')}</span>
        <select name="official">
          <option value="">{t('invitations.form.noOfficial')}</option>
          {options.officials.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
        </select>
      </label>
      <div class="form__row">
        <label class="field">
          <span>{t('invitations.form.receivedAt')}</span>
          <input name="receivedAt" type="date" />
        </label>
        <label class="field">
          <span>{t('invitations.form.dueAt')}</span>
          <input name="dueAt" type="date" />
        </label>
      </div>
      <SurveySettingFields
        id="invitation"
        choices={options.surveys}
        value={survey}
        onChange={setSurvey}
        inheritLabel={unitAsks()}
        extra={[{ id: 'counter-quick', label: t('invitations.form.quickOnly') }]}
        t={t}
        lang={lang.value}
      />
      <button type="submit" class="button button--primary" disabled={busy}>{t('invitations.form.submit')}</button>
    </form>
  );
}
