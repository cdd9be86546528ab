// The REST shapes for non-TypeScript chatbots (the original service's snake_case fields), built from the same
// zod schemas as the tRPC procedures so both validate alike and the OpenAPI document follows from them.
import {
  chatbotGrievanceViewSchema,
  complainantInputSchema,
  createGrievanceInputSchema,
  createGrievanceOutputSchema,
  grievanceFileViewSchema,
  grievanceReferenceSchema,
  listByPhoneInputSchema,
} from "@sunuwai/validators";
import type { ChatbotGrievanceView, CreateGrievanceInput } from "@sunuwai/validators";
import { z } from "zod";
import type { HealthReport } from "../health";

const complainant = complainantInputSchema.shape;
const grievance = createGrievanceInputSchema.shape;
const view = chatbotGrievanceViewSchema.shape;
const file = grievanceFileViewSchema.shape;

export const restComplainantInputSchema = z.object({
  full_name: complainant.fullName,
  phone: complainant.phone.meta({
    description: "Any common spelling: +977-9841234567, 9841234567, 009779841234567",
    examples: ["9841234567"],
  }),
  email: complainant.email,
  address: complainant.address,
  municipality: complainant.municipality,
  ward_id: complainant.ward.meta({
    description: "The complainant's ward: its id or its public code",
    examples: ["KMC-10"],
  }),
});

export const restCreateGrievanceInputSchema = z.object({
  complainant: restComplainantInputSchema,
  description: grievance.description,
  language: grievance.language,
  ward_id: grievance.ward.meta({
    description: "The ward the grievance is about (id or code); defaults to the complainant's ward",
  }),
  categories: grievance.categories,
});
export type RestCreateGrievanceInput = z.infer<typeof restCreateGrievanceInputSchema>;

export function toCreateGrievanceInput(body: RestCreateGrievanceInput): CreateGrievanceInput {
  const { complainant: person } = body;
  return {
    complainant: {
      fullName: person.full_name,
      phone: person.phone,
      email: person.email,
      address: person.address,
      municipality: person.municipality,
      ward: person.ward_id,
    },
    description: body.description,
    language: body.language,
    ward: body.ward_id,
    categories: body.categories,
  };
}

const grievanceIdSchema = createGrievanceOutputSchema.shape.reference.meta({
  description: "The grievance's reference number",
  examples: ["GRV-2026-000123"],
});

export const restCreatedGrievanceSchema = z.object({
  grievance_id: grievanceIdSchema,
  status: createGrievanceOutputSchema.shape.status,
  classification_status: createGrievanceOutputSchema.shape.classificationStatus,
});

export const restFileSchema = z.object({
  file_id: file.fileId,
  file_type: file.fileType,
  status: file.status,
});

export const restGrievanceSchema = z.object({
  grievance_id: grievanceIdSchema,
  status: view.status,
  description: view.description,
  summary: view.summary,
  categories: view.categories,
  classification_status: view.classificationStatus,
  files: z.array(restFileSchema),
});
export type RestGrievance = z.infer<typeof restGrievanceSchema>;

export function toRestGrievance(grievance: ChatbotGrievanceView): RestGrievance {
  return {
    grievance_id: grievance.reference,
    status: grievance.status,
    description: grievance.description,
    summary: grievance.summary,
    categories: grievance.categories,
    classification_status: grievance.classificationStatus,
    files: grievance.files.map((f) => ({
      file_id: f.fileId,
      file_type: f.fileType,
      status: f.status,
    })),
  };
}

/** Path and query parameters. */
export const restGrievanceIdParamSchema = grievanceReferenceSchema;
export const restPhoneQuerySchema = listByPhoneInputSchema.shape.phone;

// ───────────── envelopes ─────────────

export const REST_ERROR_CODES = [
  "VALIDATION_ERROR",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
] as const;
export type RestErrorCode = (typeof REST_ERROR_CODES)[number];

export const restErrorEnvelopeSchema = z.object({
  status: z.literal("error"),
  error: z.object({
    code: z.enum(REST_ERROR_CODES),
    message: z.string(),
    /** Validation errors: the failing fields (dotted paths) and what is wrong with each. */
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ examples: [{ "complainant.phone": "phone number is too short" }] }),
  }),
});
export type RestErrorBody = z.infer<typeof restErrorEnvelopeSchema>["error"];

export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.object({ status: z.literal("success"), data });
}

// ───────────── health ─────────────

const healthVersion = z.string().meta({ examples: ["0.1.0"] });
export const healthReportSchema: z.ZodType<HealthReport> = z.union([
  z.object({
    status: z.literal("healthy"),
    timestamp: z.iso.datetime(),
    database: z.literal("connected"),
    worker: z.enum(["running", "stopped"]),
    version: healthVersion,
  }),
  z.object({
    status: z.literal("unhealthy"),
    timestamp: z.iso.datetime(),
    database: z.literal("unreachable"),
    worker: z.literal("unknown"),
    version: healthVersion,
  }),
]);
