import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JobPayloadError, parseTaskPayload, taskCatalog, taskNames } from "./catalog";
import { defineTask } from "./define-task";
import type { JobHelpers } from "graphile-worker";

describe("task catalog", () => {
  it("holds every task later features enqueue", () => {
    expect(taskNames).toEqual(
      expect.arrayContaining([
        "grievance.classify",
        "grievance.summarize",
        "grievance.translate",
        "grievance.followUps",
        "file.process",
        "notification.send",
        "sla.escalateOverdue",
        "keys.rotate",
        "intel.ingestFile",
        "intel.ingestDir",
        "intel.recomputeWard",
      ]),
    );
    expect(Object.keys(taskCatalog)).toHaveLength(taskNames.length);
  });

  it("names the field that is wrong", () => {
    expect(() =>
      parseTaskPayload("grievance.translate", { grievanceId: "42", targetLanguage: "en" }),
    ).toThrow(/Invalid payload for task "grievance.translate": grievanceId: Invalid UUID/);
    expect(() => parseTaskPayload("grievance.translate", { grievanceId: randomUUID() })).toThrow(
      /targetLanguage/,
    );
  });

  it("refuses misspelt keys instead of silently dropping them", () => {
    const error = (() => {
      try {
        parseTaskPayload("file.process", { attachmentId: randomUUID(), attachmentID: "x" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JobPayloadError);
    expect((error as Error).message).toMatch(/attachmentID/);
  });

  it("accepts the payload graphile-worker's cron adds", () => {
    const ts = new Date().toISOString();
    expect(parseTaskPayload("sla.escalateOverdue", { _cron: { ts, backfilled: false } })).toEqual({
      _cron: { ts, backfilled: false },
    });
  });
});

describe("defineTask", () => {
  const helpers = {} as JobHelpers;

  it("hands the handler the parsed payload", async () => {
    const seen: unknown[] = [];
    const wardId = randomUUID();
    await defineTask("intel.recomputeWard", (payload) => void seen.push(payload.wardId))(
      { wardId },
      helpers,
    );
    expect(seen).toEqual([wardId]);
  });

  it("never calls the handler with a bad payload", async () => {
    let called = false;
    const task = defineTask("notification.send", () => {
      called = true;
    });
    await expect(task({ notificationId: "nope" }, helpers)).rejects.toThrow(
      /notificationId: Invalid UUID/,
    );
    expect(called).toBe(false);
  });
});
