import { describe, expect, it } from "vitest";
import { describeError, redactMessage } from "./error-details";

describe("redactMessage", () => {
  it("drops emails, phone numbers and quoted values from driver messages", () => {
    const message = `duplicate key value violates unique constraint "User_email_key": Key (email)=(ram@example.com) contact sita@example.org phone +977 9841234567 'Ram Bahadur'`;
    const redacted = redactMessage(message);
    expect(redacted).not.toContain("ram@example.com");
    expect(redacted).not.toContain("9841234567");
    expect(redacted).not.toContain("Ram Bahadur");
    expect(redacted).toContain("duplicate key value violates unique constraint");
  });
});

describe("describeError", () => {
  it("keeps the error's kind, code and frames, and its cause", () => {
    const cause = Object.assign(
      new Error(`invalid input syntax for type uuid: "sita@example.com"`),
      { code: "22P02" },
    );
    const error = Object.assign(new Error("Query failed", { cause }), {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
    });

    const described = describeError(error);

    expect(described).toMatchObject({
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      cause: { code: "22P02" },
    });
    expect(described.stack).toEqual(expect.stringContaining("error-details.test.ts"));
    expect(JSON.stringify(described)).not.toContain("sita@example.com");
  });

  it("keeps no part of a multi-line message in the frames", () => {
    const error = new Error(
      "Invalid `db.user.findMany()` invocation:\n{\n  where: { name: Sita Sharma }\n}",
    );

    const described = describeError(error);

    expect(described.stack).toMatch(/^\s+at /);
    expect(described.stack).not.toContain("Sita");
  });
});
