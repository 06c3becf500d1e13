import { z } from 'zod';

/** GET /api/docs?lang=vi|en (its own file: the route and its OpenAPI entry both import it). */
export const docsQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') }).strict();
