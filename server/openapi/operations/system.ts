// API keys (admins), and what operators and integrators read about the server itself.
import { z } from 'zod';
import { apiKeyBody, apiKeyIdParam } from '../../routes/api-keys';
import { docsQuery } from '../docs-query';
import type { Operation } from '../operation';
import { apiKeyView, newApiKey } from '../response-schemas';

export const systemOperations: Operation[] = [
  {
    method: 'get', path: '/api/api-keys', audience: 'admins', auth: { staff: { roles: ['admin'] } },
    summary: { vi: 'Danh sách khóa API', en: 'List API keys' },
    ok: { 200: { description: 'Every key, never the key itself', schema: apiKeyView.array() } },
  },
  {
    method: 'post', path: '/api/api-keys', audience: 'admins', auth: { staff: { roles: ['admin'] } }, body: apiKeyBody,
    summary: { vi: 'Cấp khóa API cho hệ thống một cửa', en: 'Issue an API key to a one-stop system' },
    ok: { 201: { description: 'The key, shown this once', schema: newApiKey } },
  },
  {
    method: 'post', path: '/api/api-keys/{id}/revoke', audience: 'admins', auth: { staff: { roles: ['admin'] } }, params: apiKeyIdParam,
    summary: { vi: 'Thu hồi khóa API', en: 'Revoke an API key' },
    ok: { 200: { description: 'Revoked: it stops working at once', schema: apiKeyView } },
    errors: { 404: ['not_found'] },
  },
  {
    method: 'get', path: '/healthz', audience: 'operators',
    summary: { vi: 'Máy chủ còn hoạt động', en: 'The server is up' },
    ok: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
  },
  {
    method: 'get', path: '/api/openapi.json', audience: 'operators',
    summary: { vi: 'Tài liệu OpenAPI này', en: 'This OpenAPI document' },
    ok: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get', path: '/api/docs', audience: 'operators', query: docsQuery,
    summary: { vi: 'Tài liệu API để đọc', en: 'The API, for people to read' },
    ok: { 200: { description: 'This page', type: 'text/html' } },
  },
];
