// A unit's open link: admins turn it on or off; its page asks whether it is open.
import { z } from 'zod';
import { openLinkBody, openLinkUnitParam } from '../../routes/open-links';
import type { Operation } from '../operation';

const name = z.object({ vi: z.string(), en: z.string() });
const linkRow = z.object({
  unit: z.string(), name, parent: z.string().nullable(), enabled: z.boolean(), url: z.url(),
  updatedBy: z.string().nullable(), updatedAt: z.string().nullable(),
});

export const openLinkOperations: Operation[] = [
  {
    method: 'get', path: '/api/open-links', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Các đường dẫn khảo sát mở theo đơn vị', en: 'The open survey link of every unit' },
    ok: { 200: { description: 'Every unit, whether its link is on, and its address', schema: z.array(linkRow) } },
  },
  {
    method: 'put', path: '/api/open-links/{unit}', audience: 'admins', auth: { staff: { roles: ['admin'] } }, params: openLinkUnitParam, body: openLinkBody,
    summary: { vi: 'Mở hoặc tắt đường dẫn khảo sát của một đơn vị', en: 'Turn a unit\'s open link on or off' },
    description: 'Off for every unit until an admin turns it on; audited (open-link.on, open-link.off).',
    ok: { 200: { description: 'The link as it now is', schema: z.object({ unit: z.string(), enabled: z.boolean(), url: z.url() }) } },
    errors: { 404: ['unknown_unit'] },
  },
  {
    method: 'get', path: '/api/open-links/{unit}', audience: 'citizens', params: openLinkUnitParam,
    summary: { vi: 'Đơn vị của một đường dẫn khảo sát mở', en: 'What an open link is about' },
    description: 'For the page at /danh-gia/{unit}: the unit and the questionnaires, only when its link is on. The full questionnaire and its parts are the unit\'s setting (its own or the nearest unit\'s above; default sipas-2017, every part); answers to criteria of other parts are refused (not_asked).',
    ok: { 200: { description: 'The unit and the questionnaires offered', schema: z.object({ unit: z.object({ code: z.string(), name }), surveys: z.object({ quick: z.string(), full: z.string(), parts: z.array(z.string()).nullable().describe('The group ids asked; null: every part') }) }) } },
    errors: { 404: ['open_link_off'] },
  },
];
