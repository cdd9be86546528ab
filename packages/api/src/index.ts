export { appRouter, createCaller } from "./root";
export type { AppRouter, RouterInputs, RouterOutputs } from "./root";
export {
  AppError,
  createTRPCContext,
  publicProcedure,
  protectedProcedure,
  staffProcedure,
  supervisorProcedure,
  analystProcedure,
  adminProcedure,
  chatbotProcedure,
} from "./trpc";
export type { TRPCContext, CreateContextOptions, ProcedureMeta } from "./trpc";
export type { ErrorShape } from "./error-formatter";
export { handleTrpcRequest, createApiFetchHandler, TRPC_ENDPOINT } from "./handler";
export type { HandleTrpcRequestOptions } from "./handler";
export { MAX_BATCH_SIZE } from "./limits";
export { createLogger } from "./logger";
export type { Logger } from "./logger";
export { createLiveEventHub, liveEventHubFor } from "./subscriptions";
export type { LiveEventHub, LiveEventHubOptions } from "./subscriptions";
export { describeError } from "./error-details";
