/** The two languages of the platform. zh-CN is the default everywhere. */
export type Locale = 'zh-CN' | 'en-US';

export type Message = { 'zh-CN': string; 'en-US': string };

/** Pick the locale from an Accept-Language header (first supported tag wins; default zh-CN). */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

/** Fill `{name}` placeholders from params. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
