// SurveyJS strings: a plain string, or one per locale with "default" for the survey's own
// language. A sipas text has Vietnamese (vi) first. Pure.
import type { LocalizedText } from '../../survey-defs/schema';

export type TextResult = { ok: true; text: LocalizedText } | { ok: false; reason: string };

/**
 * The sipas text of a SurveyJS string. "default" stands for Vietnamese when no "vi" is given;
 * beside a "vi" it must repeat the vi or en text, else it would be lost (never silently).
 */
export function fromSurveyJsText(value: unknown): TextResult {
  if (typeof value === 'string') return value ? { ok: true, text: { vi: value } } : { ok: false, reason: 'is empty' };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'is neither a string nor texts by locale' };
  const entries = Object.entries(value as Record<string, unknown>);
  const out: Record<string, string> = {};
  for (const [locale, text] of entries) {
    if (typeof text !== 'string' || !text) return { ok: false, reason: `has a "${locale}" text that is not a non-empty string` };
    if (locale !== 'default') out[locale] = text;
  }
  const fallback = (value as Record<string, unknown>).default;
  if (typeof fallback === 'string') {
    if (out.vi === undefined) out.vi = fallback;
    else if (fallback !== out.vi && fallback !== out.en) return { ok: false, reason: 'has a "default" text besides "vi" that is neither the vi nor the en text' };
  }
  if (!out.vi) return { ok: false, reason: 'has no Vietnamese ("vi" or "default") text' };
  return { ok: true, text: out as LocalizedText };
}

/** The SurveyJS string of a sipas text: plain when it is Vietnamese only. */
export function toSurveyJsText(text: LocalizedText): string | Record<string, string> {
  const others = Object.entries(text).filter(([k]) => k !== 'vi');
  if (!others.length) return text.vi;
  return { default: text.vi, ...Object.fromEntries(others) };
}
