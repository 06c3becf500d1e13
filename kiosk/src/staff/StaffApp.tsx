import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LoginScreen } from './LoginScreen';
import { StaffShell } from './StaffShell';
import type { StaffStore } from './staff-store';

export function StaffApp({ store }: { store: StaffStore }) {
  const me = store.user.value;
  if (!store.checked.value) return <p class="hint">{store.t('common.loading')}</p>;
  if (!me) return <LoginScreen store={store} />;
  if (me.mustChangePassword) return <ChangePasswordScreen store={store} />;
  return <StaffShell store={store} />;
}
