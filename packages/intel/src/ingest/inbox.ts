import path from "node:path";
import { dataDir } from "@sunuwai/db";

/** `<DATA_DIR>/epaper/inbox`: where the daily run looks for files. */
export function epaperInbox(): string {
  return path.join(dataDir(), "epaper", "inbox");
}
