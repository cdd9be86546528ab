import { randomBytes } from "node:crypto";
import { createPiiVault } from "../pii/vault";
import type { PiiVault } from "../pii/vault";

export function randomKey(): string {
  return randomBytes(32).toString("base64");
}

/** A vault whose ring is `ids` in order (first = current), each with its key from `keys`. */
export function vaultWith(
  keys: Record<string, string>,
  ids: string[],
  blindIndexKey: string,
): PiiVault {
  return createPiiVault({
    encryptionKeys: ids.map((id) => `${id}:${keys[id] ?? ""}`).join(","),
    blindIndexKey,
  });
}
