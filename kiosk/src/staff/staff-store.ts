// The staff page's state as signals: who is signed in, in which language, on which tab.
import { signal } from '@preact/signals';
import { errorText } from '../shared/error-text';
import type { MessageTree } from '../shared/translate';
import { api, ApiError, setCsrfToken } from './staff-api';
import { staffMessages, staffT, staffVietnamese } from './staff-i18n';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'manager' | 'viewer';
  unit: string | null;
  mustChangePassword: boolean;
}

interface Session {
  user: StaffUser;
  csrfToken: string;
  /** No unit yet (a server started with SIPAS_DEMO=0): an admin sets up the office first. */
  organisationEmpty: boolean;
}

export function createStaffStore() {
  const user = signal<StaffUser | null>(null);
  const checked = signal(false);
  const lang = signal('vi');
  const messages = signal<MessageTree>(staffVietnamese);
  const tab = signal(location.hash.slice(1) || '');
  const organisationEmpty = signal(false);

  const t = (key: string, params?: Record<string, string | number>) => staffT(messages.value, key, params);
  /** A failed call in the person's language; anything but an answer from the server is a network failure. */
  const explain = (error: unknown) => errorText(t, error instanceof ApiError ? error : null);

  function signedIn(session: Session) {
    setCsrfToken(session.csrfToken);
    organisationEmpty.value = session.organisationEmpty;
    user.value = session.user;
  }

  async function restore() {
    try {
      // /session answers 200 either way: a first visit shows no 401 in the console.
      const session = await api<({ signedIn: true } & Session) | { signedIn: false }>('/api/staff/session');
      if (session.signedIn) signedIn(session);
    } finally {
      checked.value = true;
    }
  }

  async function signIn(username: string, password: string) {
    signedIn(await api<Session>('/api/staff/login', { json: { username, password } }));
  }

  async function signOut() {
    await api('/api/staff/logout', { method: 'POST' }).catch(() => undefined);
    user.value = null;
  }

  async function changePassword(current: string, next: string) {
    await api('/api/staff/password', { json: { current, next } });
    if (user.value) user.value = { ...user.value, mustChangePassword: false };
  }

  async function setLanguage(code: string) {
    messages.value = await staffMessages(code);
    lang.value = code;
    document.documentElement.lang = code;
  }

  function openTab(id: string) {
    tab.value = id;
    history.replaceState(null, '', `#${id}`);
  }

  return { user, checked, lang, messages, tab, organisationEmpty, t, explain, restore, signIn, signOut, changePassword, setLanguage, openTab };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
