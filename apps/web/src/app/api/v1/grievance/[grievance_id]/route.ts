import { asChatbot } from "~/server/rest/chatbot";
import { restSuccess } from "~/server/rest/envelope";
import { validationError } from "~/server/rest/errors";
import {
  restGrievanceIdParamSchema,
  restPhoneQuerySchema,
  toRestGrievance,
} from "~/server/rest/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * One grievance by reference. The chatbot proves it may read it either by being the API token that filed it, or
 * with `?phone=` matching the complainant's phone on file (for grievances filed through another channel).
 * Anything else is 404, exactly like an unknown reference.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ grievance_id: string }> },
): Promise<Response> {
  const { grievance_id: rawId } = await params;
  const phoneParam = new URL(req.url).searchParams.get("phone");
  const procedure = phoneParam === null ? "grievance.filed" : "grievance.status";
  return asChatbot(req, [procedure], async ({ caller, requestId }) => {
    const reference = restGrievanceIdParamSchema.safeParse(rawId);
    if (!reference.success) throw validationError(reference.error, "grievance_id");
    if (phoneParam === null) {
      const grievance = await caller.grievance.filed({ reference: reference.data });
      return restSuccess(toRestGrievance(grievance), requestId);
    }
    const phone = restPhoneQuerySchema.safeParse(phoneParam);
    if (!phone.success) throw validationError(phone.error, "phone");
    const grievance = await caller.grievance.status({
      reference: reference.data,
      phone: phone.data,
    });
    return restSuccess(toRestGrievance(grievance), requestId);
  });
}
