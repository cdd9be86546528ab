import { buildOpenApiDocument } from "~/server/rest/openapi";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document of the chatbot REST routes, generated from their zod schemas at build time. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
