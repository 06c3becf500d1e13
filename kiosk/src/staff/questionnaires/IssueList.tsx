// What stops the draft from being published, each sentence a link to its field.
import type { SurveyDefinition } from '../../../../survey-defs/schema';
import type { DefinitionIssue } from './definition-issues';
import type { T } from './fields';
import { issueWords } from './issue-words';

/** Focuses the field of an issue, or the nearest box around it the editor draws. */
export function focusField(target: string) {
  const parts = target.split('-');
  for (let n = parts.length; n > 1; n--) {
    const el = document.getElementById(parts.slice(0, n).join('-'));
    if (el) {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

interface Props {
  t: T;
  lang: string;
  def: SurveyDefinition;
  issues: DefinitionIssue[];
  /** Issues the server gave (a refused save); shown under their own heading. */
  heading: string;
  id: string;
}

export function IssueList({ t, lang, def, issues, heading, id }: Props) {
  if (!issues.length) return null;
  return (
    <section class="qe-issues" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul>
        {issues.map((issue, i) => {
          const { text, target } = issueWords(def, issue, t, lang);
          return (
            <li key={i}>
              <a
                href={`#${target}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(target);
                }}
              >
                {text}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
