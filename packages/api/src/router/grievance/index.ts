import { createTRPCRouter } from "../../trpc";
import { chatbotGrievanceProcedures } from "./chatbot";
import { liveGrievanceProcedures } from "./live";
import { staffGrievanceProcedures } from "./staff";

/** Grievances: chatbot procedures (API token), staff procedures (session) and live updates. */
export const grievanceRouter = createTRPCRouter({
  ...chatbotGrievanceProcedures,
  ...staffGrievanceProcedures,
  ...liveGrievanceProcedures,
});
