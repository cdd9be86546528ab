"use client";

import { useState } from "react";
import type { ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import type { AppRouter } from "@sunuwai/api";
import { isRequestError } from "~/lib/user-facing-error";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Dashboard data changes through other people's actions; refetch after a short while, not constantly.
        staleTime: 30_000,
        // Only server and network failures are worth retrying; a 4xx (forbidden, invalid input) cannot succeed.
        retry: (failureCount, error) => failureCount < 2 && !isRequestError(error),
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  // A fresh client per server render, one shared client in the browser.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/**
 * Client-side tRPC for the dashboard. `maxBatchSize` comes from the server (`MAX_BATCH_SIZE` of
 * @sunuwai/api) so the browser never sends a batch the server refuses; subscriptions use SSE.
 */
export function TRPCReactProvider({
  children,
  maxBatchSize,
}: {
  children: ReactNode;
  maxBatchSize: number;
}) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Subscriptions stream Server-Sent Events; on reconnect the link sends the last tracked event id, so the
        // server replays what was missed. Everything else goes through the batch link.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchStreamLink({
            url: "/api/trpc",
            transformer: superjson,
            maxItems: maxBatchSize,
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
