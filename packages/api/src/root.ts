import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminRouter } from "./router/admin";
import { chatbotRouter } from "./router/chatbot";
import { fileRouter } from "./router/file";
import { grievanceRouter } from "./router/grievance";
import { helpdeskRouter } from "./router/helpdesk";
import { intelRouter } from "./router/intel";
import { notificationRouter } from "./router/notification";
import { viewerRouter } from "./router/viewer";
import { wardRouter } from "./router/ward";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  ward: wardRouter,
  chatbot: chatbotRouter,
  admin: adminRouter,
  grievance: grievanceRouter,
  helpdesk: helpdeskRouter,
  intel: intelRouter,
  file: fileRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side calls without HTTP (server components): `createCaller(await createTRPCContext({ req }))`. */
export const createCaller = createCallerFactory(appRouter);
