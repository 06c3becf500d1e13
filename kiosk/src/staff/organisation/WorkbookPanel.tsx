import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../staff-api';
import type { StaffStore } from '../staff-store';
import { EXPORT_URL, TEMPLATE_URL, uploadWorkbook, type ImportPlan } from './organisation-api';
import { planText } from './organisation-text';
import { Problem } from './Problem';

interface Props {
  store: StaffStore;
  /** The set-up screen has nothing to export yet. */
  withExport: boolean;
  headingLevel: 2 | 3;
  onApplied: (plan: ImportPlan) => void;
}

/**
 * The workbook in and out: download the template or the organisation as it is; upload a filled
 * workbook, read the preview (or every refusal with its sheet and line) and apply exactly that.
 */
export function WorkbookPanel({ store, withExport, headingLevel, onApplied }: Props) {
  const { t, lang } = store;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';

  const previewFile = async (e: Event) => {
    e.preventDefault();
    const chosen = input.current?.files?.[0] ?? null;
    setError(null);
    setPreview(null);
    setDone('');
    if (!chosen) return setError(t('organisation.workbook.chooseFile'));
    setFile(chosen);
    setBusy(true);
    try {
      setPreview(await uploadWorkbook(chosen, { dryRun: true }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const applied = await uploadWorkbook(file, { dryRun: false, planHash: preview.planHash });
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = '';
      setDone(t('organisation.workbook.applied', applied.counts));
      onApplied(applied);
    } catch (err) {
      // The organisation changed since the preview: that preview no longer holds.
      if (err instanceof ApiError && err.code === 'plan_changed') setPreview(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen org-workbook" aria-labelledby="org-workbook-heading">
      <Heading id="org-workbook-heading">{t('organisation.workbook.heading')}</Heading>
      <p class="hint">{t('organisation.workbook.intro')}</p>
      <div class="org-form__buttons">
        <a class="button button--secondary org-link-button" href={TEMPLATE_URL} download>{t('organisation.workbook.template')}</a>
        {withExport && <a class="button button--secondary org-link-button" href={EXPORT_URL} download>{t('organisation.workbook.export')}</a>}
      </div>
      <form class="form org-upload" onSubmit={previewFile}>
        <label class="field">
          <span>{t('organisation.workbook.file')}</span>
          <input ref={input} name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="org-file-hint" />
          <span class="hint" id="org-file-hint">{t('organisation.workbook.fileHint')}</span>
        </label>
        <div class="org-form__buttons">
          <button class="button button--primary" type="submit" disabled={busy}>{t('organisation.workbook.preview')}</button>
        </div>
      </form>
      <Problem store={store} error={error} heading={t('organisation.workbook.refused')} />
      {done && <p class="org-done" role="status">{done}</p>}
      {preview && (
        <div class="org-preview" aria-labelledby="org-preview-heading" role="region">
          <Sub id="org-preview-heading">{t('organisation.workbook.previewHeading', { file: preview.fileName })}</Sub>
          {preview.items.length === 0 ? (
            <p role="status">{t('organisation.workbook.nothing')}</p>
          ) : (
            <>
              <p role="status" data-counts>{t('organisation.workbook.counts', preview.counts)}</p>
              {(['add', 'change', 'retire'] as const).map((action) => {
                const items = preview.items.filter((i) => i.action === action);
                if (!items.length) return null;
                return (
                  <div key={action}>
                    <p class="org-preview__group">{t(`organisation.workbook.group.${action}`, { n: items.length })}</p>
                    <ul class="org-preview__list">
                      {items.map((item) => (
                        <li key={`${item.list}:${item.code}`}>{planText(t, item, lang.value)}</li>
                      ))}
                    </ul>
                  </div>
                );
              })}
              <p class="hint">{t('organisation.workbook.applyHint')}</p>
            </>
          )}
          <div class="org-form__buttons">
            {preview.items.length > 0 && (
              <button type="button" class="button button--primary" disabled={busy} onClick={() => void apply()}>{t('organisation.workbook.apply')}</button>
            )}
            <button type="button" class="button button--secondary" onClick={() => setPreview(null)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
