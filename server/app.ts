import { Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import type { AppDeps } from './app-deps';
import { bodySizeLimit } from './body-size-limit';
import { errorBody, HttpError } from './http-error';
import { API_CACHE_CONTROL, isFinished, policyHeaders } from './policy-headers';
import { WriterClosedError } from './responses/response-writer';
import { alertRoutes } from './routes/alerts';
import { apiKeyRoutes } from './routes/api-keys';
import { unitChangeRoutes } from './routes/unit-changes';
import { dossierFigureRoutes } from './routes/dossier-figures';
import { exportRoutes } from './routes/exports';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { invitationCodeRoutes } from './routes/invitation-codes';
import { invitationTokenRoutes } from './routes/invitation-tokens';
import { invitationRoutes } from './routes/invitations';
import { openApiRoutes } from './routes/openapi';
import { kioskRoutes } from './routes/kiosk';
import { kioskDeviceRoutes } from './routes/kiosk-devices';
import { localeRoutes } from './routes/locales';
import { openLinkRoutes } from './routes/open-links';
import { ORGANISATION_IMPORT_PATH, organisationRoutes } from './routes/organisation';
import { unitSurveyRoutes } from './routes/unit-surveys';
import { inlineSourcesPolicy } from './pages/inline-sources';
import { pageRoutes } from './routes/pages';
import { publicResultRoutes } from './routes/public-results';
import { reportRoutes } from './routes/report';
import { responseRoutes } from './routes/responses';
import { resultPublicationRoutes } from './routes/result-publications';
import { scoreRoutes } from './routes/scores';
import { slipRoutes } from './routes/slips';
import { themeRoutes } from './routes/themes';
import { retentionRoutes } from './routes/retention';
import { staffAuthRoutes } from './routes/staff-auth';
import { staticFileRoutes } from './routes/static-files';
import { surveyRoutes } from './routes/surveys';
import { questionnaireRoutes } from './routes/questionnaires';
import { cachedRouter } from './route-cache';

export const MAX_BODY_BYTES = 256 * 1024;

const generalBodyLimit = bodySizeLimit(MAX_BODY_BYTES, () => { throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`); });

const compressText = compress({ contentTypeFilter: /^(application\/json|text\/html)\b/ });

/** Where the built pages' content-hashed scripts, styles and images are served. */
const ASSETS_PREFIX = '/assets/';

/**
 * A script, stylesheet or image needs only these two: the policies (CSP, frame options, referrer)
 * govern a document or a worker, and no worker is served from /assets/. The others were about 870
 * bytes more on each file a citizen page loads before its first question, on a 400 kbit/s line.
 */
const assetHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
};

/** The whole HTTP application; main.ts serves it, tests call app.request() on it. */
export function createApp(deps: AppDeps) {
  const app = new Hono({ router: cachedRouter() })
    // Outside the policy's middleware: adds the hashes of a page's inline script and stylesheet.
    .use(inlineSourcesPolicy)
    .use((c, next) => (c.req.path.startsWith(ASSETS_PREFIX) ? assetHeaders(c, next) : policyHeaders(c, next)))
    // JSON and HTML that people read (the dashboard's figures, the report, the docs) go gzip'd,
    // several times smaller on an office's slow line (the API document: 248 KB to 19 KB). Only reads: answers to a
    // submission are small and on the hot path. Not the staff session routes, whose answers carry
    // the CSRF token (no compressed secret beside reflected input: BREACH). Downloads stream as
    // they are; the built pages are precompressed already.
    .use('*', async (c, next) => {
      if (c.req.method !== 'GET' || c.req.path.startsWith('/api/staff/')) return next();
      return compressText(c, next);
    })
    // Answers of the API are about someone's units, dossiers or session: no cache keeps them,
    // unless a route says otherwise (published feedback answers).
    .use('/api/*', async (c, next) => {
      await next();
      if (!isFinished(c.res) && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', API_CACHE_CONTROL);
    })
    // No route takes more than this; routes set tighter limits of their own. The one exception,
    // the organisation upload, takes a workbook and sets its own larger limit (after sign-in).
    .use((c, next) => (c.req.path === ORGANISATION_IMPORT_PATH ? next() : generalBodyLimit(c, next)))
    // Another server may have published or retired a questionnaire: one read of the catalog's
    // generation before anything that reads questionnaires. Not on a submission (the hot path):
    // it looks the version answered up in memory and refreshes only when that misses.
    .use('*', async (c, next) => {
      if (!readsCatalog(c.req.method, c.req.path)) return next();
      await deps.surveys.refresh();
      return next();
    })
    .route('/', healthRoutes())
    .route('/api/surveys', surveyRoutes(deps.surveys))
    .route('/api/responses', responseRoutes(deps))
    .route('/api/staff/surveys', questionnaireRoutes(deps))
    .route('/api/staff/themes', themeRoutes(deps))
    .route('/api/staff/retention', retentionRoutes(deps))
    .route('/api/staff/organisation', organisationRoutes(deps))
    // Before unitChangeRoutes: its admin-only gate covers every path under the prefix it meets.
    .route('/api/staff/organisation', unitSurveyRoutes(deps))
    .route('/api/staff', staffAuthRoutes(deps))
    .route('/api/scores', scoreRoutes(deps))
    .route('/api/exports', exportRoutes(deps))
    .route('/api/invitations', invitationRoutes(deps))
    .route('/api/invitation-tokens', invitationTokenRoutes(deps))
    .route('/api/invitation-codes', invitationCodeRoutes(deps))
    .route('/api/api-keys', apiKeyRoutes(deps))
    .route('/api/staff/organisation', unitChangeRoutes(deps))
    .route('/api/dossier-figures', dossierFigureRoutes(deps))
    .route('/api/alerts', alertRoutes(deps))
    .route('/api', openApiRoutes(deps))
    .route('/slips', slipRoutes(deps))
    .route('/static', staticFileRoutes(['slip.css', 'slip.js', 'docs.css', 'report.css', 'report.js', 'results.css']))
    .route('/api/feedback', feedbackRoutes(deps))
    .route('/api/kiosk', kioskRoutes(deps))
    .route('/api/kiosk-devices', kioskDeviceRoutes(deps))
    .route('/api/open-links', openLinkRoutes(deps))
    .route('/locales', localeRoutes(deps.localesDir))
    .route('/staff', reportRoutes(deps))
    .route('/api/result-publications', resultPublicationRoutes(deps))
    .route('/', publicResultRoutes(deps))
    .route('/', pageRoutes(deps));

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.issues, err.more), err.status);
    if (err instanceof WriterClosedError) return c.json(errorBody('shutting_down', err.message), 503);
    if (err instanceof HTTPException && err.status < 500) {
      // Raised by Hono itself: malformed JSON, a wrong Content-Type.
      const code = /json/i.test(err.message) ? 'invalid_json' : 'bad_request';
      return c.json(errorBody(code, err.message), err.status);
    }
    console.error(`[sipas] ${c.req.method} ${c.req.path} failed:`, err);
    return c.json(errorBody('internal', 'Something went wrong on the server; the request was not applied'), 500);
  });
  return app;
}

/** Paths that never read a questionnaire: the submission, files, strings and the health probe. */
function readsCatalog(method: string, path: string): boolean {
  if (method === 'POST' && path === '/api/responses') return false;
  return !(path === '/healthz' || path.startsWith('/static/') || path.startsWith('/locales/') || path.startsWith('/assets/'));
}

export type AppType = ReturnType<typeof createApp>;
