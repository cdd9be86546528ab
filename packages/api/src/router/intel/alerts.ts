import {
  acknowledgeAlert,
  createSavedAlert,
  deleteSavedAlert,
  listAlerts,
  listSavedAlerts,
  updateSavedAlert,
} from "@sunuwai/intel";
import {
  alertListInputSchema,
  alertListSchema,
  alertSchema,
  savedAlertCreateSchema,
  savedAlertSchema,
  savedAlertUpdateSchema,
} from "@sunuwai/validators";
import { z } from "zod";
import { analystProcedure, createTRPCRouter } from "../../trpc";
import { alertIdInputSchema, idInputSchema, savedAlertListInputSchema } from "./schemas";

export const alertsRouter = createTRPCRouter({
  /** Alerts newest first: volume spikes, negative surges, new topics and saved-keyword hits, each with evidence. */
  list: analystProcedure
    .input(alertListInputSchema.optional())
    .output(alertListSchema)
    .query(({ ctx, input }) => listAlerts(ctx.db, input ?? {})),
  /** Marks an alert seen; the first acknowledgement is kept. */
  acknowledge: analystProcedure
    .input(alertIdInputSchema)
    .output(alertSchema)
    .mutation(({ ctx, input }) =>
      acknowledgeAlert(ctx.db, { alertId: input.alertId, userId: ctx.viewer.id }),
    ),
});

export const savedAlertsRouter = createTRPCRouter({
  /** Keyword alerts set up per ward, newest first. */
  list: analystProcedure
    .input(savedAlertListInputSchema)
    .output(z.array(savedAlertSchema))
    .query(({ ctx, input }) => listSavedAlerts(ctx.db, input ?? {})),
  create: analystProcedure
    .input(savedAlertCreateSchema)
    .output(savedAlertSchema)
    .mutation(({ ctx, input }) => createSavedAlert(ctx.db, { ...input, userId: ctx.viewer.id })),
  /** Changes the keywords, or pauses/resumes the alert. */
  update: analystProcedure
    .input(savedAlertUpdateSchema)
    .output(savedAlertSchema)
    .mutation(({ ctx, input }) => updateSavedAlert(ctx.db, input)),
  /** Deletes a saved alert; alerts it already raised stay. */
  delete: analystProcedure
    .input(idInputSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSavedAlert(ctx.db, input);
      return { id: input.id };
    }),
});
