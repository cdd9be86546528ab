export { authEnv } from "./env";
export type { Viewer, UserViewer, TokenViewer, Role, ApiTokenScope } from "@sunuwai/validators";
export {
  authenticateCredentials,
  accountLockedMessage,
  INVALID_CREDENTIALS,
  ACCOUNT_DISABLED,
  MAX_FAILED_LOGINS,
  LOCKOUT_MINUTES,
} from "./credentials";
export type { AuthenticationResult } from "./credentials";
export { loadViewer } from "./viewer";
export { viewerFromRequest, userIdFromSessionToken } from "./request";
export { readSessionToken, parseCookieHeader, SESSION_COOKIE_NAMES } from "./session-cookie";
export {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  viewerFromApiToken,
  generateApiToken,
  API_TOKEN_PREFIX_LENGTH,
} from "./api-tokens";
export { listUsers, setUserDisabled } from "./accounts";
export {
  canUseSection,
  sectionsFor,
  hasRole,
  hasScopes,
  STAFF_ROLES,
  SUPERVISOR_ROLES,
  ANALYST_ROLES,
  ADMIN_ROLES,
} from "./roles";
