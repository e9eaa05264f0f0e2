import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CatalogIndicators, ItemDetail, ItemList } from './types.ts';

export interface ItemSearch {
  q?: string;
  page?: number;
  pageSize?: number;
  /** 个人办事 / 法人办事 (the item's serviceObjects). */
  serviceObject?: 'person' | 'entity';
  /** Implementing agency id. */
  dept?: string;
  /** A catalog topic, as the catalog writes it (生育收养, 准营准办 …). */
  topic?: string;
  /** A life or business event (新生儿出生, 开办企业 …). */
  lifeEvent?: string;
  regionCode?: string;
}

export const itemKeys = {
  all: ['items'] as const,
  search: (s: ItemSearch) => ['items', 'search', s] as const,
  detail: (implCode: string) => ['items', 'detail', implCode] as const,
  indicators: (regionCode?: string) => ['items', 'indicators', regionCode ?? ''] as const,
};

export function useItemSearch(s: ItemSearch) {
  return useQuery({
    queryKey: itemKeys.search(s),
    queryFn: ({ signal }) =>
      api.get<ItemList>(
        '/api/v1/public/items',
        {
          q: s.q,
          page: s.page,
          pageSize: s.pageSize,
          serviceObject: s.serviceObject,
          dept: s.dept,
          topic: s.topic,
          lifeEvent: s.lifeEvent,
          regionCode: s.regionCode,
        },
        signal,
      ),
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

/** Published-catalog figures; the portal uses its departments for the 部门 filter. */
export function useCatalogIndicators(regionCode?: string) {
  return useQuery({
    queryKey: itemKeys.indicators(regionCode),
    queryFn: ({ signal }) => api.get<CatalogIndicators>('/api/v1/public/catalog/indicators', { regionCode }, signal),
    staleTime: 10 * 60_000,
  });
}

/** Links of an item's public files: blank forms, samples, the printable guide. */
export function itemFileUrl(implCode: string, fileId: string): string {
  return `/api/v1/public/items/${encodeURIComponent(implCode)}/files/${encodeURIComponent(fileId)}`;
}

export function guidePdfUrl(implCode: string): string {
  return `/api/v1/public/items/${encodeURIComponent(implCode)}/guide.pdf`;
}
