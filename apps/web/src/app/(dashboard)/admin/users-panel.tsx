"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge, EmptyState, Table, TableBody, TableHead, TableRow, Td, Th } from "@sunuwai/ui";
import type { UserSummary } from "@sunuwai/validators";
import { QueryStatus } from "~/components/query-status";
import { formatDateTime } from "~/lib/format";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";

const t = en.admin;

function UserState({ user, now }: { user: UserSummary; now: Date }) {
  if (user.disabledAt) return <Badge tone="danger">{t.user.disabled}</Badge>;
  if (user.lockedUntil && user.lockedUntil > now)
    return <Badge tone="warning">{t.user.locked(formatDateTime(user.lockedUntil))}</Badge>;
  return <Badge tone="success">{t.user.active}</Badge>;
}

export function UsersPanel() {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  if (!users.data)
    return <QueryStatus isPending={users.isPending} isError={users.isError} what={t.usersTitle} />;
  if (users.data.length === 0)
    return <EmptyState title={t.usersEmpty}>{t.usersEmptyHelp}</EmptyState>;
  const now = new Date();
  return (
    <Table caption={t.usersTitle}>
      <TableHead>
        <Th>{t.user.name}</Th>
        <Th>{t.user.email}</Th>
        <Th>{t.user.role}</Th>
        <Th>{t.user.state}</Th>
        <Th>{t.user.lastLogin}</Th>
      </TableHead>
      <TableBody>
        {users.data.map((user) => (
          <TableRow key={user.id}>
            <Td className="font-medium">{user.name}</Td>
            <Td>{user.email}</Td>
            <Td>{en.roles[user.role]}</Td>
            <Td>
              <UserState user={user} now={now} />
            </Td>
            <Td className="whitespace-nowrap text-slate-600">
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t.user.never}
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
