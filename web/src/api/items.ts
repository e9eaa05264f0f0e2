import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ItemDetail, ItemList } from './types.ts';

export interface ItemSearch {
  q?: string;
  page?: number;
  pageSize?: number;
  /** 个人办事 / 法人办事 (the item's serviceObjects); a hint the server may ignore. */
  serviceObject?: 'person' | 'entity';
}

export const itemKeys = {
  all: ['items'] as const,
  search: (s: ItemSearch) => ['items', 'search', s] as const,
  detail: (implCode: string) => ['items', 'detail', implCode] as const,
};

export function useItemSearch(s: ItemSearch) {
  return useQuery({
    queryKey: itemKeys.search(s),
    queryFn: ({ signal }) =>
      api.get<ItemList>('/api/v1/public/items', { q: s.q, page: s.page, pageSize: s.pageSize, serviceObject: s.serviceObject }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useItem(implCode: string | undefined) {
  return useQuery({
    queryKey: itemKeys.detail(implCode ?? ''),
    queryFn: ({ signal }) => api.get<ItemDetail>(`/api/v1/public/items/${encodeURIComponent(implCode!)}`, undefined, signal),
    enabled: !!implCode,
    staleTime: 5 * 60_000,
  });
}
