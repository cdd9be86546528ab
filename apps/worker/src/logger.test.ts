import { describe, expect, it } from "vitest";
import { createJsonLog, graphileLogger } from "./logger";

function capture(minLevel: Parameters<typeof createJsonLog>[0]) {
  const lines: string[] = [];
  return { lines, log: createJsonLog(minLevel, (line) => lines.push(line)) };
}

describe("worker logs", () => {
  it("writes one JSON object per line, below the chosen level only", () => {
    const { lines, log } = capture("info");
    log("info", "worker started", { workerId: "h:1:ab", tasks: 3 });
    log("debug", "polling");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "info",
      msg: "worker started",
      workerId: "h:1:ab",
      tasks: 3,
    });
  });

  it("keeps graphile-worker's job ids but never its metadata, which can hold payloads", () => {
    const { lines, log } = capture("debug");
    const logger = graphileLogger(log).scope({
      label: "job",
      taskIdentifier: "notification.send",
      jobId: "17",
    });
    logger.info("Completed task 17", { job: { payload: { phone: "+9779800000000" } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("+9779800000000");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      msg: "Completed task 17",
      task: "notification.send",
      jobId: "17",
    });
  });
});
