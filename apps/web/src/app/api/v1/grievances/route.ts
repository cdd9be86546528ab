import { readJsonBody } from "~/server/rest/body";
import { asChatbot } from "~/server/rest/chatbot";
import { restSuccess } from "~/server/rest/envelope";
import { validationError } from "~/server/rest/errors";
import {
  restCreateGrievanceInputSchema,
  restPhoneQuerySchema,
  toCreateGrievanceInput,
  toRestGrievance,
} from "~/server/rest/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Files a complainant's grievance: 201 with its reference at once; classification follows. */
export function POST(req: Request): Promise<Response> {
  return asChatbot(req, ["grievance.create"], async ({ caller, requestId }) => {
    const body = restCreateGrievanceInputSchema.safeParse(await readJsonBody(req));
    if (!body.success) throw validationError(body.error);
    const created = await caller.grievance.create(toCreateGrievanceInput(body.data));
    return restSuccess(
      {
        grievance_id: created.reference,
        status: created.status,
        classification_status: created.classificationStatus,
      },
      requestId,
      201,
    );
  });
}

/** Every grievance filed with `?phone=` (any spelling), newest first. */
export function GET(req: Request): Promise<Response> {
  return asChatbot(req, ["grievance.listByPhone"], async ({ caller, requestId }) => {
    const phone = restPhoneQuerySchema.safeParse(new URL(req.url).searchParams.get("phone") ?? "");
    if (!phone.success) throw validationError(phone.error, "phone");
    const grievances = await caller.grievance.listByPhone({ phone: phone.data });
    return restSuccess(grievances.map(toRestGrievance), requestId);
  });
}
