"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Badge,
  Button,
  EmptyState,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Th,
} from "@sunuwai/ui";
import type { ApiTokenSummary } from "@sunuwai/validators";
import { QueryStatus } from "~/components/query-status";
import { formatDateTime } from "~/lib/format";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";
import { CreateApiTokenForm } from "./create-api-token-form";

const t = en.admin;

function RevokeButton({ token }: { token: ApiTokenSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.admin.apiTokens.revoke.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.admin.apiTokens.list.queryKey() }),
    }),
  );
  return (
    <Button
      variant="danger"
      size="sm"
      pending={revoke.isPending}
      aria-label={`${t.token.revoke} ${token.name}`}
      onClick={() => {
        if (window.confirm(t.token.confirmRevoke(token.name))) revoke.mutate({ id: token.id });
      }}
    >
      {revoke.isPending ? t.token.revoking : t.token.revoke}
    </Button>
  );
}

export function ApiTokensPanel() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.admin.apiTokens.list.queryOptions());
  return (
    <div className="space-y-6">
      {!tokens.data ? (
        <QueryStatus isPending={tokens.isPending} isError={tokens.isError} what={t.tokensTitle} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title={t.tokensEmpty}>{t.tokensEmptyHelp}</EmptyState>
      ) : (
        <Table caption={t.tokensTitle}>
          <TableHead>
            <Th>{t.token.name}</Th>
            <Th>{t.token.prefix}</Th>
            <Th>{t.token.scopes}</Th>
            <Th>{t.token.lastUsed}</Th>
            <Th>{t.token.state}</Th>
            <Th>
              <span className="sr-only">{t.token.revoke}</span>
            </Th>
          </TableHead>
          <TableBody>
            {tokens.data.map((token) => (
              <TableRow key={token.id}>
                <Td className="font-medium">{token.name}</Td>
                <Td className="font-mono text-xs">{token.prefix}…</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {token.scopes.map((scope) => (
                      <Badge key={scope}>{scope}</Badge>
                    ))}
                  </div>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.token.never}
                </Td>
                <Td>
                  {token.revokedAt ? (
                    <Badge tone="danger">{t.token.revoked(formatDateTime(token.revokedAt))}</Badge>
                  ) : (
                    <Badge tone="success">{t.token.active}</Badge>
                  )}
                </Td>
                <Td className="text-right">{!token.revokedAt && <RevokeButton token={token} />}</Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CreateApiTokenForm />
    </div>
  );
}
