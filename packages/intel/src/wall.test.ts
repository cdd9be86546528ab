import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The wall between the helpdesk and ward intelligence, checked in the source: no intel module names a helpdesk
// table, Prisma model accessor or package. (wall.integration.test.ts proves it again at the database.)
const FORBIDDEN = [
  /"(Complainant|Grievance|GrievanceEvent|GrievanceSequence|Attachment|Notification)"/u,
  /\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+"?(Complainant|Grievance|GrievanceEvent|GrievanceSequence|Attachment|Notification)\b/iu,
  /\.(complainant|grievance|grievanceEvent|grievanceSequence|attachment|notification)\s*\./u,
  /@sunuwai\/(helpdesk|api|auth)\b/u,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the intel package", () => {
  const files = sourceFiles(path.join(import.meta.dirname));

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("never names a helpdesk table, model or package", () => {
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(import.meta.dirname, file)} matches ${pattern}`);
    });
    expect(offences).toEqual([]);
  });
});
