import { viewerSchema } from "@sunuwai/validators";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const viewerRouter = createTRPCRouter({
  /** Who the caller is: a staff member with role and jurisdiction, or an API token with its scopes. */
  me: protectedProcedure.output(viewerSchema).query(({ ctx }) => ctx.viewer),
});
