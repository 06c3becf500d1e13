// Published results: which units admins opted in, and the figures anyone may read.
import { z } from 'zod';
import { publicationBody, publicationUnitParam } from '../../routes/result-publications';
import { resultsPageQuery, resultsQuery } from '../../routes/public-results';
import type { Operation } from '../operation';

const name = z.object({ vi: z.string(), en: z.string() });
const publication = z.object({
  code: z.string(), parent: z.string().nullable(), kind: z.string(), name, publishable: z.boolean(), published: z.boolean(),
  publishedAt: z.string().nullable(), publishedBy: z.string().nullable(),
});
const figure = z.object({ index: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable(), n: z.number().int(), smallSample: z.boolean() });
const periodFigures = z.object({
  period: z.string(), responses: z.number().int(), withheld: z.boolean(), overall: figure.nullable(),
  elements: z.array(figure.extend({ id: z.string() })), rank: z.number().int().nullable(),
});
const results = z.object({
  survey: z.object({ id: z.string(), version: z.number().int(), title: name, method: z.string(), elements: z.array(z.object({ id: z.string(), title: name })) }),
  generatedAt: z.string(),
  periods: z.array(z.object({ key: z.string(), kind: z.enum(['year', 'quarter']), from: z.string(), to: z.string(), partial: z.boolean() })),
  units: z.array(z.object({ code: z.string(), name, feedbackUrl: z.string(), results: z.array(periodFigures) })),
});

export const resultOperations: Operation[] = [
  {
    method: 'get', path: '/api/result-publications', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Đơn vị công khai kết quả', en: 'Which units publish their results' },
    ok: { 200: { description: 'Every unit, whether it may be and is published', schema: z.array(publication) } },
  },
  {
    method: 'put', path: '/api/result-publications/{unit}', audience: 'admins', auth: { staff: { roles: ['admin'] } }, params: publicationUnitParam, body: publicationBody,
    summary: { vi: 'Công khai hoặc thôi công khai kết quả của một đơn vị', en: 'Publish or withdraw a unit\'s results' },
    description: 'A single counter (no units below it) is one official\'s desk and cannot be published. Audited.',
    ok: { 200: { description: 'Every unit as it now is', schema: z.array(publication) } },
    errors: { 404: ['unknown_unit'], 409: ['counter_not_publishable'] },
  },
  {
    method: 'get', path: '/api/public/results', audience: 'citizens', query: resultsQuery,
    summary: { vi: 'Kết quả đo lường được công khai', en: 'Published results' },
    description: 'For each unit an admin published: the index and element indices per year and quarter with their 95% intervals; periods under 5 forms withheld, small samples marked and not ranked. Nothing per official, procedure or criterion. Cacheable for a minute. The same figures as a page: /ket-qua.',
    ok: { 200: { description: 'The published figures', schema: results } },
    errors: { 404: ['unknown_survey'] },
  },
  {
    method: 'get', path: '/ket-qua', audience: 'citizens', query: resultsPageQuery,
    summary: { vi: 'Trang kết quả công khai', en: 'The published results page' },
    ok: { 200: { description: 'HTML, without script', type: 'text/html' } },
    errors: { 404: ['unknown_survey'] },
  },
];
