// Routes that are not API: the pages people open and the files those pages load. Everything else
// the app serves must be in the OpenAPI document (tests/http/openapi-coverage.test.ts).
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  'GET /': 'redirects to /kiosk',
  'GET /kiosk': 'the kiosk page',
  'GET /kiosk-sw.js': 'the kiosk\'s service worker',
  'GET /kiosk.webmanifest': 'the kiosk\'s web app manifest',
  'GET /favicon.ico': 'the icon browsers ask for',
  'GET /icons/:file': 'the app icons',
  'GET /staff': 'the staff page',
  'GET /s': 'the phone page (short code)',
  'GET /s/:token': 'the phone page of an invitation',
  'GET /danh-gia/:unit': 'the phone page of a unit\'s open link',
  'GET /gop-y': 'the feedback page',
  'GET /gop-y/*': 'the feedback page (tracking, published answers)',
  'GET /assets/*': 'the pages\' scripts and styles',
  'GET /static/:file': 'CSS and JS of the server-rendered pages',
};
