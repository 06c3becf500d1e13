// What went wrong, in the person's language: the server's stable error code (and, for a 400, each
// field and issue code) looked up in the page's strings; never the server's English message.
// tests/unit/page-error-strings.test.ts fails when a code a page can receive has no string.

export interface ServerIssue {
  path: string;
  code: string;
}

/** The error body every route answers with, plus the HTTP status. */
export interface ServerError {
  status: number;
  code: string;
  issues?: ServerIssue[];
}

/** Reads `{ error: { code, issues } }` from a failed response (a proxy's HTML page gives http_<status>). */
export async function serverError(res: Response): Promise<ServerError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; issues?: ServerIssue[] } } | null;
  return { status: res.status, code: body?.error?.code ?? `http_${res.status}`, ...(body?.error?.issues ? { issues: body.error.issues } : {}) };
}

/** A page's string lookup, which answers the key itself when it has no string. */
type Strings = (key: string) => string;

/**
 * One sentence for the error: "Mật khẩu mới: phải khác mật khẩu hiện tại." for a 400 with issues,
 * the code's own string otherwise; `null` (no answer at all) means the network failed.
 */
export function errorText(t: Strings, error: ServerError | null): string {
  const has = (key: string) => t(key) !== key;
  if (!error) return t('errors.network');
  if (error.code === 'invalid_request' && error.issues?.length) {
    const parts = error.issues.map((issue) => {
      const field = issue.path.split('.')[0]!;
      const name = has(`errors.fields.${field}`) ? t(`errors.fields.${field}`) : field;
      const what = has(`errors.issues.${issue.code}`) ? t(`errors.issues.${issue.code}`) : t('errors.issues.custom');
      return `${name}: ${what}`;
    });
    return [...new Set(parts)].join('; ');
  }
  if (has(`errors.codes.${error.code}`)) return t(`errors.codes.${error.code}`);
  return error.status >= 500 ? t('errors.codes.internal') : t('errors.unknown');
}
