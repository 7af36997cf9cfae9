import { keepPreviousData, QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppStatus, Bridge, BridgeEvent, BridgeMethod, OrderQuery } from '../shared/bridge.ts';

/** The only way out of the renderer: the preload's `window.vitrine`. */
export function bridge(): Bridge {
  return window.vitrine;
}

/** Query keys: the bridge method, then its input. */
export const keys = {
  status: ['status'] as const,
  accounts: ['accounts'] as const,
  questions: (accountId: string | undefined) => ['questions', { accountId }] as const,
  orders: (query: Omit<OrderQuery, 'before'>) => ['orders', query] as const,
  order: (id: string) => ['order', { id }] as const,
  outbox: ['outbox'] as const,
  templates: ['templates'] as const,
};

/** The queries whose data comes from the local store and changes with a sync or the outbox. */
const SYNCED_DATA: BridgeMethod[] = ['accounts', 'questions', 'orders', 'order', 'outbox'];

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The bridge is local and works offline: never pause on navigator.onLine, never retry a sentence.
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** Another store (or nobody) is open: nothing read for the previous one may stay on screen. */
export function resetStoreData(queryClient: QueryClient): Promise<void> {
  return queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'status' });
}

export function invalidateSyncedData(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => SYNCED_DATA.includes(query.queryKey[0] as BridgeMethod) });
}

/**
 * The sentence to show for a rejected bridge call. Electron prefixes what crosses ipcRenderer.invoke with
 * "Error invoking remote method 'vitrine:answer': Error: "; the person only needs the sentence.
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:[A-Za-z]*Error):\s*/, '');
}

/**
 * Listens to the main process in one place: the status goes straight into the query cache, and the synced data
 * is read again when a sync ends, the outbox changes or new questions arrive.
 */
export function useBridgeEvents(onNewQuestions: (count: number) => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const handle = (event: BridgeEvent) => {
      switch (event.type) {
        case 'status': {
          const previous = queryClient.getQueryData<AppStatus>(keys.status);
          queryClient.setQueryData(keys.status, event.status);
          const syncEnded = previous?.progress != null && event.status.progress == null;
          const storeChanged = previous !== undefined && previous.store?.id !== event.status.store?.id;
          if (storeChanged) {
            void resetStoreData(queryClient);
          } else if (syncEnded) {
            void invalidateSyncedData(queryClient);
          }
          break;
        }
        case 'outbox':
          queryClient.setQueryData<AppStatus>(keys.status, (status) =>
            status ? { ...status, outbox: { pending: event.pending, conflicts: event.conflicts } } : status,
          );
          void invalidateSyncedData(queryClient);
          break;
        case 'new-questions':
          void queryClient.invalidateQueries({ queryKey: ['questions'] });
          void queryClient.invalidateQueries({ queryKey: keys.accounts });
          if (event.questions.length > 0) onNewQuestions(event.questions.length);
          break;
      }
    };
    return bridge().subscribe(handle);
  }, [queryClient, onNewQuestions]);
}

// ——— Queries ———

export function useStatus() {
  return useQuery({ queryKey: keys.status, queryFn: () => bridge().status() });
}

export function useAccounts() {
  return useQuery({ queryKey: keys.accounts, queryFn: () => bridge().accounts() });
}

export function useQuestions(accountId: string | undefined) {
  return useQuery({ queryKey: keys.questions(accountId), queryFn: () => bridge().questions(accountId ? { accountId } : {}) });
}

export const ORDERS_PAGE_SIZE = 50;

export function useOrders(query: Omit<OrderQuery, 'before' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: keys.orders(query),
    queryFn: ({ pageParam }) => bridge().orders({ ...query, limit: ORDERS_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    // While a new filter loads, the table keeps the previous rows instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: keys.order(id), queryFn: () => bridge().order({ id }) });
}

export function useOutbox() {
  return useQuery({ queryKey: keys.outbox, queryFn: () => bridge().outbox() });
}

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: () => bridge().templates() });
}

// ——— Mutations ———

/** For the calls that answer with the new AppStatus (sign-in steps, store choice, sync). */
function useStatusMutation<Input>(call: (input: Input) => Promise<AppStatus>, afterwards?: 'refresh-data' | 'clear-data') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (status) => {
      queryClient.setQueryData(keys.status, status);
      if (afterwards === 'clear-data') void resetStoreData(queryClient);
      if (afterwards === 'refresh-data') void invalidateSyncedData(queryClient);
    },
  });
}

export function useStartSignIn() {
  return useMutation({ mutationFn: (deviceName: string) => bridge().startSignIn({ deviceName }) });
}

export function useCancelSignIn() {
  return useStatusMutation(() => bridge().cancelSignIn());
}

export function useOpenSignInPage() {
  return useMutation({ mutationFn: () => bridge().openSignInPage() });
}

export function useSignOut() {
  return useStatusMutation(() => bridge().signOut(), 'clear-data');
}

export function useChooseStore() {
  return useStatusMutation((tenantId: string) => bridge().chooseStore({ tenantId }), 'clear-data');
}

export function useSyncNow() {
  return useStatusMutation(() => bridge().syncNow(), 'refresh-data');
}

export function useAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { questionId: string; text: string }) => bridge().answer(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['questions'] });
      void queryClient.invalidateQueries({ queryKey: keys.outbox });
      void queryClient.invalidateQueries({ queryKey: keys.accounts });
    },
  });
}

export function useDiscardAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => bridge().discardAnswer({ id }),
    // A discarded pending answer puts its question back in the queue.
    onSuccess: () => invalidateSyncedData(queryClient),
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; name: string; body: string }) => bridge().saveTemplate(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => bridge().deleteTemplate({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.templates }),
  });
}
