// What an alert says, in the staff's language (Vietnamese): a short line an SMS or Zalo gateway
// can forward, the e-mail, and the webhook's JSON body.
import type { AlertRuleRow } from '../db/tables/alert-rules';
import { displayDate } from '../exports/report-context';
import type { Text } from '../exports/staff-text';

export interface AlertText {
  subject: string;
  /** One line, for an SMS. */
  short: string;
  /** The e-mail body. */
  text: string;
}

const pct = (x: unknown) => (typeof x === 'number' ? `${x.toFixed(2).replace('.', ',')}%` : '—');

/** The sentence that says why the rule fired. */
export function alertSentence(t: Text, rule: Pick<AlertRuleRow, 'kind' | 'element' | 'days'>, figures: Record<string, unknown>, elementName: string): string {
  const f = figures;
  switch (rule.kind) {
    case 'index_below_target':
      return t('alerts.says.index_below_target', { element: elementName, days: rule.days, index: pct(f.index), upper: pct(f.upper), target: pct(f.target), n: String(f.n ?? 0) });
    case 'index_fell':
      return t('alerts.says.index_fell', { element: elementName, days: rule.days, index: pct(f.index), previous: pct(f.previous), p: typeof f.pValue === 'number' ? f.pValue.toFixed(3).replace('.', ',') : '—' });
    case 'complaints_overdue':
      return t('alerts.says.complaints_overdue', { n: String(f.overdue ?? 0), since: typeof f.oldestDue === 'string' ? displayDate(f.oldestDue) : '—' });
    case 'kiosk_silent': {
      const silent = (f.silent as { name: string }[] | undefined) ?? [];
      return t('alerts.says.kiosk_silent', { n: String(silent.length), names: silent.map((d) => d.name).join(', '), days: rule.days });
    }
    default:
      return rule.kind;
  }
}

export function alertText(t: Text, rule: AlertRuleRow, figures: Record<string, unknown>, unitName: string, elementName: string, staffUrl: string): AlertText {
  const sentence = alertSentence(t, rule, figures, elementName);
  return {
    subject: t('alerts.mail.subject', { unit: unitName, kind: t(`alerts.kinds.${rule.kind}`) }),
    short: `SIPAS – ${unitName}: ${sentence}`,
    text: [t('alerts.mail.greeting'), '', t('alerts.mail.opened', { unit: unitName }), sentence, '', t('alerts.mail.open', { url: staffUrl }), '', t('alerts.mail.why')].join('\n'),
  };
}
