import { canUseSection } from "@sunuwai/auth";
import { SECTIONS } from "@sunuwai/validators";
import type { Role, Section } from "@sunuwai/validators";

export { SECTIONS };
export type { Section };
export { sectionsFor } from "@sunuwai/auth";

export function sectionPath(section: Section): `/${Section}` {
  return `/${section}`;
}

/** Where a role starts after signing in: its main job, not merely the first section it may open. */
export function homeSection(role: Role): Section {
  if (role === "ADMIN") return "admin";
  if (role === "ANALYST") return "intel";
  return "helpdesk";
}

/** The section a path belongs to (`/helpdesk/x?y` → helpdesk), or null for paths outside every section. */
export function sectionOfPath(path: string): Section | null {
  const pathname = path.split(/[?#]/, 1)[0] ?? "";
  const first = pathname.split("/")[1] ?? "";
  return (SECTIONS as readonly string[]).includes(first) ? (first as Section) : null;
}

const PLACEHOLDER_ORIGIN = "http://sunuwai.invalid";

/**
 * A same-site path from an untrusted `callbackUrl`, or null. Absolute URLs count only when they point at
 * `appOrigin`; anything else (other hosts, `//host`, `javascript:`) is refused so sign-in cannot redirect away.
 */
export function safeCallbackPath(
  callbackUrl: string | null | undefined,
  appOrigin?: string,
): string | null {
  if (!callbackUrl) return null;
  const isRootRelative = /^\/(?![/\\])/.test(callbackUrl);
  const isAbsolute = URL.canParse(callbackUrl);
  if (!isRootRelative && !(isAbsolute && appOrigin)) return null;
  const base = isRootRelative ? PLACEHOLDER_ORIGIN : (appOrigin ?? PLACEHOLDER_ORIGIN);
  const url = new URL(callbackUrl, base);
  if (url.origin !== new URL(base).origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to send a user who just signed in: the requested page when the role may open it, else its home. */
export function landingPath(role: Role, callbackUrl?: string | null, appOrigin?: string): string {
  const home = sectionPath(homeSection(role));
  const requested = safeCallbackPath(callbackUrl, appOrigin);
  if (!requested) return home;
  const section = sectionOfPath(requested);
  if (!section || !canUseSection(role, section)) return home;
  return requested;
}
