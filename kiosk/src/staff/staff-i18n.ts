// The staff pages' strings (kiosk/locales/staff/<code>.json); missing keys fall back to Vietnamese.
import vi from '../../locales/staff/vi.json';
import { loadMessages, translate, type MessageTree } from '../shared/translate';

export const staffVietnamese = vi as MessageTree;

export async function staffMessages(code: string): Promise<MessageTree> {
  return code === 'vi' ? staffVietnamese : loadMessages(code, 'staff/');
}

export function staffT(messages: MessageTree, key: string, params?: Record<string, string | number>): string {
  return translate(messages, staffVietnamese, key, params);
}
