// Which of the three feedback pages an address shows: /gop-y (send), /gop-y/cong-khai (published
// answers) or /gop-y/<code> (one item's status and reply).
export type FeedbackRoute = { page: 'send' } | { page: 'public' } | { page: 'track'; code: string };

export const PUBLIC_PATH = '/gop-y/cong-khai';

export function feedbackRoute(pathname: string): FeedbackRoute {
  const rest = pathname.replace(/^\/gop-y\/?/, '').replace(/\/$/, '');
  if (!rest) return { page: 'send' };
  if (rest === 'cong-khai') return { page: 'public' };
  return { page: 'track', code: decodeURIComponent(rest) };
}
