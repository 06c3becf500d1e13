// Themes of the free texts: figures for staff within their units, one text's themes, the lexicon.
import { lexiconBody, textParams, textThemeParams, themesQuery } from '../../routes/themes';
import type { Operation } from '../operation';
import { lexiconReply, textThemesReply, themeReportReply } from '../theme-replies';

export const themeOperations: Operation[] = [
  {
    method: 'get', path: '/api/staff/themes', audience: 'staff', auth: { staff: {} }, query: themesQuery,
    summary: { vi: 'Chủ đề trong ý kiến, đề xuất', en: 'Themes in suggestions and feedback' },
    description: 'Per theme: texts and share, change since the previous period of the same length, the share of dissatisfied ratings with and without the theme (Wilson 95%), up to 3 masked examples. One official\'s themes only where their scores are shown; no official\'s texts below 5 responses.',
    ok: { 200: { description: 'The figures', schema: themeReportReply } },
    errors: { 403: ['forbidden_unit'], 404: ['unknown_survey'] },
  },
  {
    method: 'get', path: '/api/staff/themes/texts/{id}', audience: 'staff', auth: { staff: {} }, params: textParams,
    summary: { vi: 'Chủ đề của một ý kiến', en: 'The themes of one text' },
    ok: { 200: { description: 'Its themes', schema: textThemesReply } },
    errors: { 404: ['unknown_text'] },
  },
  {
    method: 'put', path: '/api/staff/themes/texts/{id}/themes/{theme}', audience: 'staff', auth: { staff: { roles: ['admin', 'manager'] } }, params: textThemeParams,
    summary: { vi: 'Gắn chủ đề cho một ý kiến', en: 'Add a theme to one text' },
    description: 'Kept through every re-tagging; audited.',
    ok: { 200: { description: 'Its themes now', schema: textThemesReply } },
    errors: { 404: ['unknown_text', 'unknown_theme'] },
  },
  {
    method: 'delete', path: '/api/staff/themes/texts/{id}/themes/{theme}', audience: 'staff', auth: { staff: { roles: ['admin', 'manager'] } }, params: textThemeParams,
    summary: { vi: 'Bỏ chủ đề khỏi một ý kiến', en: 'Remove a theme from one text' },
    description: 'Stays removed through every re-tagging; audited.',
    ok: { 200: { description: 'Its themes now', schema: textThemesReply } },
    errors: { 404: ['unknown_text', 'unknown_theme'] },
  },
  {
    method: 'get', path: '/api/staff/themes/lexicon', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Bộ từ khóa chủ đề', en: 'The theme lexicon' },
    ok: { 200: { description: 'The lexicon in force', schema: lexiconReply } },
  },
  {
    method: 'put', path: '/api/staff/themes/lexicon', audience: 'admins', auth: { staff: { roles: ['admin'] } }, body: lexiconBody,
    summary: { vi: 'Sửa bộ từ khóa chủ đề', en: 'Replace the theme lexicon' },
    description: 'Validated; every text is re-tagged in the same transaction (staff\'s own choices kept); audited.',
    ok: { 200: { description: 'The lexicon now, with how many texts were re-tagged', schema: lexiconReply } },
  },
];
