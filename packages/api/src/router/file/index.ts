import {
  acceptUpload,
  getFileStorage,
  uploadLimits,
  uploadThingConfigFromEnv,
} from "@sunuwai/helpdesk/files";
import { z } from "zod";
import { createTRPCRouter } from "../../trpc";
import { helpdeskStaffProcedure } from "../grievance/procedures";

/**
 * The dashboard's upload: a FormData with `grievanceId`, `fileType` (image | document | voice) and `file`.
 * Send it with tRPC's `httpLink` (FormData cannot be batched); the body is capped by `limitUploadBody`.
 */
const uploadFormSchema = z.instanceof(FormData).transform((form, ctx) => {
  const file = form.get("file");
  if (!(file instanceof File)) {
    ctx.addIssue({
      code: "custom",
      path: ["file"],
      message: "Attach the file in a field named file.",
    });
    return z.NEVER;
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { file, grievanceId: text("grievanceId"), fileType: text("fileType") };
});

const uploadedFileSchema = z.object({
  id: z.uuid(),
  grievanceId: z.uuid(),
  fileType: z.enum(["image", "document", "voice"]),
  kind: z.enum(["IMAGE", "DOCUMENT", "VOICE"]),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  originalName: z.string(),
  /** Authorised download route; images are served once processing stripped their metadata. */
  downloadUrl: z.string(),
});

const uploadLimitsSchema = z.object({
  fileTypes: z.array(
    z.object({
      fileType: z.enum(["image", "document", "voice"]),
      maxBytes: z.number().int(),
      maxSize: z.string(),
      formats: z.string(),
      extensions: z.array(z.string()),
      mimeTypes: z.array(z.string()),
    }),
  ),
  /** True when UPLOADTHING_TOKEN is set: the dashboard then uploads through /api/uploadthing. */
  uploadThing: z.boolean(),
});

export const fileRouter = createTRPCRouter({
  /** What each file_type accepts, to say so before a file is chosen (chatbots: GET /api/v1/upload/limits). */
  limits: helpdeskStaffProcedure
    .output(uploadLimitsSchema)
    .query(() => ({ ...uploadLimits(), uploadThing: uploadThingConfigFromEnv() !== null })),
  /** Stores a file on a grievance the caller can see, through the same checks as every upload route. */
  upload: helpdeskStaffProcedure
    .input(uploadFormSchema)
    .output(uploadedFileSchema)
    .mutation(async ({ ctx, input }) => {
      const accepted = await acceptUpload(
        ctx.db,
        {
          stream: input.file.stream(),
          declaredName: input.file.name,
          fileType: input.fileType,
          grievanceId: input.grievanceId,
          uploader: { kind: "user", ...ctx.actor },
        },
        getFileStorage(),
      );
      return { ...accepted, downloadUrl: `/api/v1/files/${accepted.id}` };
    }),
});
