// The citizen pages' strings (kiosk/locales/<code>.json); missing keys fall back to Vietnamese.
import vi from '../../locales/vi.json';
import { fetchLanguages, loadMessages, translate, type Language, type MessageTree } from './translate';

export { localize, type Language, type MessageTree } from './translate';

export const vietnamese = vi as MessageTree;
export const defaultLanguages: Language[] = [{ code: 'vi', name: vi.language.name }];

export const citizenLanguages = () => fetchLanguages(defaultLanguages);

export async function citizenMessages(code: string): Promise<MessageTree> {
  return code === 'vi' ? vietnamese : loadMessages(code);
}

export function t(messages: MessageTree, key: string, params?: Record<string, string | number>): string {
  return translate(messages, vietnamese, key, params);
}
