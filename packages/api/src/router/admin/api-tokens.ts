import { createApiToken, listApiTokens, revokeApiToken } from "@sunuwai/auth";
import {
  apiTokenIdInputSchema,
  apiTokenSummarySchema,
  createApiTokenInputSchema,
  createdApiTokenSchema,
} from "@sunuwai/validators";
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "../../trpc";

export const adminApiTokensRouter = createTRPCRouter({
  list: adminProcedure
    .output(z.array(apiTokenSummarySchema))
    .query(({ ctx }) => listApiTokens(ctx.db)),
  /** Returns the secret once; only its hash is stored. */
  create: adminProcedure
    .input(createApiTokenInputSchema)
    .output(createdApiTokenSchema)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { ...input, createdById: ctx.viewer.id })),
  revoke: adminProcedure
    .input(apiTokenIdInputSchema)
    .output(apiTokenSummarySchema)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, input.id)),
});
