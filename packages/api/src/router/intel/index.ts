import { createTRPCRouter } from "../../trpc";
import { alertsRouter, savedAlertsRouter } from "./alerts";
import { exportRouter } from "./export";
import { ingestProcedures, ingestRunsRouter } from "./ingest";
import { ledgerProcedures, predictionRouter } from "./prediction";
import { pulseProcedures } from "./pulse";
import { wardProcedures } from "./wards";

/**
 * Ward intelligence for analysts and admins. Every procedure calls @sunuwai/intel services only, which never read
 * helpdesk tables; intel.test.ts proves officers are refused and analysts admitted on each one.
 */
export const intelRouter = createTRPCRouter({
  ...wardProcedures,
  ...pulseProcedures,
  alerts: alertsRouter,
  savedAlerts: savedAlertsRouter,
  prediction: predictionRouter,
  ...ledgerProcedures,
  ingestRuns: ingestRunsRouter,
  ...ingestProcedures,
  export: exportRouter,
});
