import { Table, TableBody, TableHead, TableRow, Td, Th } from "@sunuwai/ui";
import type { WardSummary } from "@sunuwai/validators";
import { en } from "~/messages/en";

const t = en.wards;

/** Wards with their English and local-script names (Devanagari, Telugu, …). */
export function WardTable({ caption, wards }: { caption: string; wards: WardSummary[] }) {
  return (
    <Table caption={caption}>
      <TableHead>
        <Th>{t.code}</Th>
        <Th>{t.name}</Th>
        <Th>{t.localName}</Th>
        <Th>{t.municipality}</Th>
        <Th>{t.country}</Th>
      </TableHead>
      <TableBody>
        {wards.map((ward) => (
          <TableRow key={ward.id}>
            <Td className="font-mono text-xs whitespace-nowrap">{ward.code}</Td>
            <Td>{ward.name}</Td>
            <Td>{ward.localName ?? "—"}</Td>
            <Td>{ward.municipality}</Td>
            <Td>{ward.country}</Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
