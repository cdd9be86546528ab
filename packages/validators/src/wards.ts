import { z } from "zod";

export const wardCodeSchema = z.string().min(1).max(32);

/** A ward as the dashboards list it. */
export const wardSummarySchema = z.object({
  id: z.uuid(),
  code: wardCodeSchema,
  name: z.string(),
  localName: z.string().nullable(),
  municipality: z.string(),
  country: z.string(),
});
export type WardSummary = z.infer<typeof wardSummarySchema>;

/** A ward as the chatbot offers it to a complainant; the code is what it sends back. */
export const chatbotWardSchema = z.object({
  code: wardCodeSchema,
  name: z.string(),
  localName: z.string().nullable(),
  municipality: z.string(),
});
export type ChatbotWard = z.infer<typeof chatbotWardSchema>;
