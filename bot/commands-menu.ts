import type { Api } from 'grammy';
import { CUSTOMER_COMMANDS } from '../core/index.ts';
import { createI18n, createTranslate } from './i18n/index.ts';

/** The command menu in each language Telegram shows it in (best effort: emulators may refuse). */
export async function registerCommands(api: Api): Promise<void> {
  const i18n = createI18n();
  const menus = [
    { locale: 'en', language_code: undefined },
    { locale: 'zh-Hans', language_code: 'zh' },
  ] as const;
  for (const { locale, language_code } of menus) {
    const t = createTranslate(i18n, locale);
    const commands = CUSTOMER_COMMANDS.map((command) => ({
      command,
      description: t(`menu-${command}`),
    }));
    await api
      .setMyCommands(commands, language_code ? { language_code } : {})
      .catch(() => undefined);
  }
}
