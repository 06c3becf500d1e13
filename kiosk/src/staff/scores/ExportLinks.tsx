import type { StaffStore } from '../staff-store';

/**
 * Downloads and the printable report, for exactly the figures on screen. The responses carry no
 * official and no exact time; an admin may ask for them (audited), and only then for one
 * official's responses.
 */
export function ExportLinks({ store, query }: { store: StaffStore; query: string }) {
  const { t } = store;
  const admin = store.user.value?.role === 'admin';
  const oneOfficial = new URLSearchParams(query).has('official');
  const lang = store.lang.value === 'vi' ? 'vi' : 'en';
  const by = 'unit,procedure,official,month';
  return (
    <section class="panel" aria-labelledby="scores-exports">
      <h2 id="scores-exports">{t('scores.exports.heading')}</h2>
      <p class="exports">
        <a class="button button--secondary" href={`/api/exports/scores.xlsx?${query}&by=${by}&lang=${lang}`} download>{t('scores.exports.xlsx')}</a>
        {!oneOfficial && <a class="button button--secondary" href={`/api/exports/responses.csv?${query}`} download>{t('scores.exports.csv')}</a>}
        {admin && <a class="button button--secondary" href={`/api/exports/responses.csv?${query}&detail=1`} download>{t('scores.exports.csvDetail')}</a>}
        <a class="button button--secondary" href={`/staff/report?${query}&lang=${lang}`} target="_blank" rel="noopener">{t('scores.exports.report')}</a>
      </p>
      <p class="hint">{t('scores.exports.privacy')}</p>
    </section>
  );
}
