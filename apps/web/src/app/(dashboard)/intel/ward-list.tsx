import Link from "next/link";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@sunuwai/ui";
import type { RouterOutputs } from "@sunuwai/api";
import { en } from "~/messages/en";
import { formatCount, formatDay } from "./format";

const t = en.intel.ward;

/** Every ward with its codes, names (Latin and local script) and coverage; each row opens the ward. */
export function WardList({
  wards,
  days,
}: {
  wards: RouterOutputs["intel"]["wards"];
  days: number;
}) {
  return (
    <Table caption={en.intel.wardsTitle}>
      <TableHead>
        <Th>{t.code}</Th>
        <Th>{t.name}</Th>
        <Th>{t.localName}</Th>
        <Th>{t.municipality}</Th>
        <Th className="text-right">{t.posts}</Th>
        <Th>{t.lastPost}</Th>
      </TableHead>
      <TableBody>
        {wards.map((ward) => (
          <TableRow key={ward.id}>
            <Td className="font-mono text-xs whitespace-nowrap">
              <Link
                href={`/intel/${encodeURIComponent(ward.code)}?days=${days}`}
                className="text-indigo-700 underline-offset-2 hover:underline"
              >
                {ward.code}
              </Link>
            </Td>
            <Td>{ward.name}</Td>
            <Td>{ward.localName ?? t.none}</Td>
            <Td>{ward.municipality}</Td>
            <Td className="text-right tabular-nums">{formatCount(ward.posts)}</Td>
            <Td className="whitespace-nowrap text-slate-600">
              {ward.lastPostDay ? formatDay(ward.lastPostDay) : t.none}
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
