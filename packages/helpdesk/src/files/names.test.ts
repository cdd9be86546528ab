import { describe, expect, it } from "vitest";
import { AppError } from "@sunuwai/validators/errors";
import { checkDeclaredName } from "./names";

function refusal(name: string, fileType: "image" | "document" | "voice" = "image"): AppError {
  try {
    checkDeclaredName(name, fileType);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${name}" was accepted`);
}

describe("checkDeclaredName", () => {
  it("keeps an ordinary name, including Devanagari, as data", () => {
    expect(checkDeclaredName("photo.JPG", "image")).toBe("photo.JPG");
    expect(checkDeclaredName("  खानेपानी धारा.png ", "image")).toBe("खानेपानी धारा.png");
    expect(checkDeclaredName("report (final).pdf", "document")).toBe("report (final).pdf");
  });

  it("replaces characters that have no business in a file name", () => {
    expect(checkDeclaredName('voice<note>|"1".ogg', "voice")).toBe("voice_note___1_.ogg");
  });

  it("refuses path traversal and separators outright", () => {
    for (const name of ["../../x.jpg", "..\\..\\x.jpg", "a/b.jpg", "x..jpg", "evil\u0000.jpg"]) {
      const error = refusal(name);
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(/path separators/);
    }
  });

  it("refuses an extension the file type does not allow, naming the allowed ones", () => {
    const error = refusal("x.jpg.php");
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.message).toBe(
      'A file named ".php" is not accepted as an image; allowed: .jpg, .jpeg, .png.',
    );
    expect(refusal("scan.pdf", "image").code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(refusal("notes.docx", "document").message).toMatch(/allowed: \.pdf/);
    expect(refusal("voice", "voice").message).toMatch(
      /without an extension.*allowed: \.mp3, \.wav, \.ogg/,
    );
  });

  it("refuses an empty name", () => {
    expect(refusal("   ").code).toBe("VALIDATION");
  });
});
