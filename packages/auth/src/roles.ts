import type { ApiTokenScope, Role, Section, Viewer } from "@sunuwai/validators";

export const STAFF_ROLES = ["OFFICER", "SUPERVISOR", "ADMIN"] as const satisfies readonly Role[];
export const SUPERVISOR_ROLES = ["SUPERVISOR", "ADMIN"] as const satisfies readonly Role[];
export const ANALYST_ROLES = ["ANALYST", "ADMIN"] as const satisfies readonly Role[];
export const ADMIN_ROLES = ["ADMIN"] as const satisfies readonly Role[];

const SECTION_ROLES: Record<Section, readonly Role[]> = {
  helpdesk: STAFF_ROLES,
  intel: ANALYST_ROLES,
  admin: ADMIN_ROLES,
};

/** Whether a role may open a dashboard section (the web hides the rest and answers 403 for them). */
export function canUseSection(role: Role, section: Section): boolean {
  return SECTION_ROLES[section].includes(role);
}

/** The sections a role may open, in menu order. */
export function sectionsFor(role: Role): Section[] {
  return (Object.keys(SECTION_ROLES) as Section[]).filter((section) =>
    canUseSection(role, section),
  );
}

export function hasRole(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/** Whether a token viewer holds every one of `required`. */
export function hasScopes(viewer: Viewer, required: readonly ApiTokenScope[]): boolean {
  return viewer.kind === "token" && required.every((scope) => viewer.scopes.includes(scope));
}
