import type { Db } from "@sunuwai/db";
import { wardPulse } from "../pulse/ward-pulse";
import { findWardByCode } from "../wards/find-ward";
import { CSV_BOM, csvRow } from "./csv";
import type { CsvCell } from "./csv";
import { PULSE_CSV_HEADER, pulseCsvFileName, pulseCsvRows } from "./pulse-csv";
import { RESULTS_CSV_HEADER, resultsCsvFileName, resultsCsvRows } from "./results-csv";

export interface CsvExport {
  fileName: string;
  /** The whole file: BOM, header, rows, CRLF line ends. */
  csv: string;
}

function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let text = `${CSV_BOM}${csvRow(header)}`;
  for (const row of rows) text += csvRow(row);
  return text;
}

/** A ward's pulse for a period as a CSV file (as the dashboard's download, for API callers). */
export async function exportPulseCsv(db: Db, input: { wardCode: string; from: string; to: string }): Promise<CsvExport> {
  const pulse = await wardPulse(db, input);
  return { fileName: pulseCsvFileName(pulse), csv: csvText(PULSE_CSV_HEADER, pulseCsvRows(pulse)) };
}

/** A ward's Form 20 rows (one election, or all) as a CSV file in the long format they were loaded in. */
export async function exportResultsCsv(db: Db, input: { wardCode: string; election?: string }): Promise<CsvExport> {
  const ward = await findWardByCode(db, input.wardCode);
  const rows: CsvCell[][] = [];
  for await (const row of resultsCsvRows(db, ward, input.election)) rows.push(row);
  return { fileName: resultsCsvFileName(ward.code, input.election), csv: csvText(RESULTS_CSV_HEADER, rows) };
}
