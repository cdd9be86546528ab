import {
  addComplainantMessage,
  answerFollowUpQuestion,
  createGrievance,
  disputeGrievance,
  getGrievanceFiledByChatbot,
  getGrievanceForComplainant,
  listGrievancesByPhone,
} from "@sunuwai/helpdesk";
import {
  addMessageInputSchema,
  answerFollowUpInputSchema,
  chatbotGrievanceViewSchema,
  createGrievanceInputSchema,
  createGrievanceOutputSchema,
  disputeInputSchema,
  eventRecordedSchema,
  filedGrievanceInputSchema,
  grievanceLookupInputSchema,
  listByPhoneInputSchema,
} from "@sunuwai/validators";
import { z } from "zod";
import { helpdeskChatbotProcedure as chatbot } from "./procedures";

const write = chatbot.meta({ scopes: ["grievance:write"] });
const read = chatbot.meta({ scopes: ["grievance:read"] });

/** What a chatbot (API token) does for a complainant. */
export const chatbotGrievanceProcedures = {
  /** Complainant + grievance in one call; the reference comes back at once, classification follows. */
  create: write
    .input(createGrievanceInputSchema)
    .output(createGrievanceOutputSchema)
    .mutation(({ ctx, input }) => createGrievance(ctx.db, ctx.actor, input)),
  /** A further message from the complainant (reference + phone on file). */
  addMessage: write
    .input(addMessageInputSchema)
    .output(eventRecordedSchema)
    .mutation(({ ctx, input }) => addComplainantMessage(ctx.db, ctx.actor, input)),
  /** The complainant's answer to one of the follow-up questions; classification runs again. */
  answerFollowUp: write
    .input(answerFollowUpInputSchema)
    .output(chatbotGrievanceViewSchema)
    .mutation(({ ctx, input }) => answerFollowUpQuestion(ctx.db, ctx.actor, input)),
  /** The complainant disputes a resolved or denied grievance; it reopens. */
  dispute: write
    .input(disputeInputSchema)
    .output(chatbotGrievanceViewSchema)
    .mutation(({ ctx, input }) => disputeGrievance(ctx.db, ctx.actor, input)),
  /** Status and public history by reference; the phone number on file is the proof. */
  status: read
    .input(grievanceLookupInputSchema)
    .output(chatbotGrievanceViewSchema)
    .query(({ ctx, input }) => getGrievanceForComplainant(ctx.db, ctx.actor, input)),
  /** A grievance this token filed, by reference alone. */
  filed: read
    .input(filedGrievanceInputSchema)
    .output(chatbotGrievanceViewSchema)
    .query(({ ctx, input }) => getGrievanceFiledByChatbot(ctx.db, ctx.actor, input)),
  /** Every grievance filed with a phone number (any spelling), newest first. */
  listByPhone: read
    .input(listByPhoneInputSchema)
    .output(z.array(chatbotGrievanceViewSchema))
    .query(({ ctx, input }) => listGrievancesByPhone(ctx.db, ctx.actor, input)),
};
