import { chatbotWardSchema } from "@sunuwai/validators";
import { z } from "zod";
import { listChatbotWards } from "../../services/wards";
import { chatbotProcedure, createTRPCRouter } from "../../trpc";

export const chatbotRouter = createTRPCRouter({
  /** The wards a complainant can choose from; the chatbot sends back the code. */
  wards: chatbotProcedure
    .meta({ scopes: ["wards:read"] })
    .output(z.array(chatbotWardSchema))
    .query(({ ctx }) => listChatbotWards(ctx.db)),
});
