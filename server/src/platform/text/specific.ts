/**
 * Is a written reason specific enough to act on? Seed 001 (Fujian 2017 assessment) refuses generic decline reasons
 * such as “材料不齐全”; the same test serves every place that asks for a reason or a purpose (case declines and
 * refusals, data-sharing reviews): once the generic phrases of that place, whitespace and punctuation are set aside,
 * at least MIN_SPECIFIC_CHARS characters must remain.
 */
export const MIN_SPECIFIC_CHARS = 8;

export function isSpecificText(text: string | undefined, genericPhrases: readonly string[]): boolean {
  if (!text) return false;
  let rest = text.replace(/\s+/g, '');
  for (const p of genericPhrases) rest = rest.split(p).join('');
  rest = rest.replace(/[，。、,.;；:：!！?？()（）\-—]/g, '');
  return rest.length >= MIN_SPECIFIC_CHARS;
}
