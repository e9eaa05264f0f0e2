import type { TFunction } from 'i18next';

/** `t` for keys built at run time (`catalog.opt.kind.${code}`): untyped, with the key itself as the fallback. */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function loose(t: TFunction): LooseT {
  return t as unknown as LooseT;
}
