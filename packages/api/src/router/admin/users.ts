import { listUsers, setUserDisabled } from "@sunuwai/auth";
import { setUserDisabledInputSchema, userSummarySchema } from "@sunuwai/validators";
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminUsersRouter = createTRPCRouter({
  list: adminProcedure.output(z.array(userSummarySchema)).query(({ ctx }) => listUsers(ctx.db)),
  setDisabled: adminProcedure
    .input(setUserDisabledInputSchema)
    .output(userSummarySchema)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, { actorId: ctx.viewer.id, ...input })),
});
