import type { Form20Row, RejectedRow } from "./parse";

/** Station-level checks: one polled total per station, each candidate once, and votes summing to no more than it. */
export function checkStations(rows: readonly Form20Row[]): { valid: Form20Row[]; rejected: RejectedRow[] } {
  const stations = new Map<string, Form20Row[]>();
  for (const row of rows) {
    const key = `${row.ac_id}\u0000${row.ps_id}`;
    const list = stations.get(key) ?? [];
    list.push(row);
    stations.set(key, list);
  }
  const valid: Form20Row[] = [];
  const rejected: RejectedRow[] = [];
  for (const list of stations.values()) {
    const first = list[0];
    if (!first) continue;
    const station = `station ${first.ps_id} of AC ${first.ac_id}`;
    const reject = (reason: string) => rejected.push(...list.map((r) => ({ row: r.row, reason })));
    if (list.some((r) => r.total_polled !== first.total_polled)) {
      reject(`rows of ${station} disagree on total_polled`);
      continue;
    }
    const seen = new Set<string>();
    const kept: Form20Row[] = [];
    for (const row of list) {
      const candidate = row.candidate.toLowerCase();
      if (seen.has(candidate)) rejected.push({ row: row.row, reason: `candidate ${row.candidate} appears twice at ${station}` });
      else {
        seen.add(candidate);
        kept.push(row);
      }
    }
    const sum = kept.reduce((total, r) => total + r.votes, 0);
    if (sum > first.total_polled) {
      reject(`votes at ${station} sum to ${sum}, more than the polled total (${first.total_polled})`);
      continue;
    }
    valid.push(...kept);
  }
  return { valid, rejected };
}
