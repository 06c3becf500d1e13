import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { feedbackInboxRoutes } from './feedback-inbox';
import { feedbackPublicRoutes } from './feedback-public';
import { feedbackReportRoutes } from './feedback-reports';

/** Feedback and complaints (góp ý, phản ánh, kiến nghị): public sending and tracking, the staff inbox, figures. */
export function feedbackRoutes(deps: AppDeps) {
  return new Hono().route('/', feedbackPublicRoutes(deps)).route('/', feedbackInboxRoutes(deps)).route('/', feedbackReportRoutes(deps));
}
