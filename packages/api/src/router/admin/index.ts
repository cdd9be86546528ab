import { createTRPCRouter } from "../../trpc";
import { adminApiTokensRouter } from "./api-tokens";
import { adminUsersRouter } from "./users";

export const adminRouter = createTRPCRouter({
  users: adminUsersRouter,
  apiTokens: adminApiTokensRouter,
});
