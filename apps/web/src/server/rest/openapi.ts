// The OpenAPI 3.1 document of the chatbot REST routes, generated from the zod schemas the routes validate with.
import { z } from "zod";
import packageJson from "../../../package.json";
import { MAX_JSON_BODY_BYTES } from "./body";
import {
  healthReportSchema,
  restCreateGrievanceInputSchema,
  restCreatedGrievanceSchema,
  restErrorEnvelopeSchema,
  restGrievanceIdParamSchema,
  restGrievanceSchema,
  restPhoneQuerySchema,
  successEnvelope,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Component schemas of one direction: request bodies are described as accepted, responses as sent. */
function components(
  io: "input" | "output",
  schemas: Record<string, z.ZodType>,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  // OpenAPI names components by their key: drop the per-schema dialect and id the generator adds.
  return Object.fromEntries(
    Object.entries(generated).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [
      id,
      schema,
    ]),
  );
}

function inline(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
  });
  return rest;
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });

const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });

const COMMON_ERRORS = {
  "401": errorResponse("No API token, or an unknown, revoked or expired one (`UNAUTHORIZED`)."),
  "403": errorResponse("The API token lacks a scope this route needs (`FORBIDDEN`)."),
  "500": errorResponse("Unexpected failure (`INTERNAL_ERROR`); the message quotes a request id."),
};

const VALIDATION = errorResponse(
  "Invalid input (`VALIDATION_ERROR`); `error.fields` names each failing field.",
);

const phoneParameter = (required: boolean, description: string) => ({
  name: "phone",
  in: "query",
  required,
  description,
  schema: inline(restPhoneQuerySchema),
});

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sunuwai chatbot API",
      version: packageJson.version,
      description:
        "REST routes for chatbots that do not speak tRPC. Every grievance route takes an API token as " +
        '`Authorization: Bearer <token>` and answers `{ "status": "success", "data": … }` or ' +
        '`{ "status": "error", "error": { "code", "message" } }`. TypeScript chatbots can use the same ' +
        "procedures over tRPC at /api/trpc (`grievance.create`, `grievance.status`, …).",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "grievances" }, { name: "health" }],
    paths: {
      "/api/v1/health": {
        get: {
          tags: ["health"],
          operationId: "getHealth",
          summary: "Health of the server, its database and its worker (same report as /api/health)",
          security: [],
          responses: {
            "200": { description: "Healthy.", content: json(ref("HealthReport")) },
            "503": {
              description: "The database is unreachable.",
              content: json(ref("HealthReport")),
            },
          },
        },
      },
      "/api/v1/grievances": {
        post: {
          tags: ["grievances"],
          operationId: "createGrievance",
          summary: "File a complainant's grievance",
          description:
            "Creates (or finds, by phone) the complainant and files the grievance. Answers at once with the " +
            "reference; classification follows in the background (`classification_status` PENDING). " +
            "Needs the token scope `grievance:write`.",
          requestBody: {
            required: true,
            description: `JSON, at most ${MAX_JSON_BODY_BYTES / 1024} KiB.`,
            content: json(ref("CreateGrievanceRequest")),
          },
          responses: {
            "201": { description: "Filed.", content: json(ref("CreatedGrievanceResponse")) },
            "400": VALIDATION,
            ...COMMON_ERRORS,
            "413": errorResponse("The body is too large (`PAYLOAD_TOO_LARGE`)."),
            "415": errorResponse("The body is not JSON (`UNSUPPORTED_MEDIA_TYPE`)."),
          },
        },
        get: {
          tags: ["grievances"],
          operationId: "listGrievancesByPhone",
          summary: "The grievances filed with a phone number, newest first",
          description: "Needs the token scope `grievance:read`.",
          parameters: [
            phoneParameter(true, "The complainant's phone number, in any common spelling."),
          ],
          responses: {
            "200": {
              description: "Their grievances.",
              content: json(ref("GrievanceListResponse")),
            },
            "400": VALIDATION,
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/grievance/{grievance_id}": {
        get: {
          tags: ["grievances"],
          operationId: "getGrievance",
          summary: "One grievance by reference",
          description:
            "Readable by the API token that filed it, or by any token given `phone` matching the complainant's " +
            "phone number on file. Otherwise 404, exactly as for an unknown reference. Needs the token scope " +
            "`grievance:read`.",
          parameters: [
            {
              name: "grievance_id",
              in: "path",
              required: true,
              description: "The reference, e.g. GRV-2026-000123.",
              schema: inline(restGrievanceIdParamSchema),
            },
            phoneParameter(false, "The complainant's phone number on file (any common spelling)."),
          ],
          responses: {
            "200": { description: "The grievance.", content: json(ref("GrievanceResponse")) },
            "400": VALIDATION,
            ...COMMON_ERRORS,
            "404": errorResponse("No such grievance for this token or phone (`NOT_FOUND`)."),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token an admin created in the dashboard (`snw_…`).",
        },
      },
      schemas: {
        ...components("input", { CreateGrievanceRequest: restCreateGrievanceInputSchema }),
        ...components("output", {
          Grievance: restGrievanceSchema,
          CreatedGrievanceResponse: successEnvelope(restCreatedGrievanceSchema),
          GrievanceResponse: successEnvelope(restGrievanceSchema),
          GrievanceListResponse: successEnvelope(z.array(restGrievanceSchema)),
          Error: restErrorEnvelopeSchema,
          HealthReport: healthReportSchema,
        }),
      },
    },
    security: [{ apiToken: [] }],
  };
}
