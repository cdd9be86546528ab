import { viewerFromRequest } from "@sunuwai/auth";
import type { Db } from "@sunuwai/db";
import type { FileViewer, Uploader } from "@sunuwai/helpdesk/files";
import type { Viewer } from "@sunuwai/validators";
import { AppError } from "@sunuwai/validators/errors";

/** Files are the helpdesk's: officers, supervisors and admins; never analysts (the wall). */
const HELPDESK_ROLES: readonly string[] = ["OFFICER", "SUPERVISOR", "ADMIN"];
const FILE_SCOPE = "file:write";

async function requireViewer(db: Db, request: Request): Promise<Viewer> {
  const viewer = await viewerFromRequest(db, request);
  if (!viewer) {
    throw new AppError(
      "UNAUTHORIZED",
      "Sign in, or send an API token with the file:write scope as `Authorization: Bearer <token>`.",
    );
  }
  if (viewer.kind === "user" && !HELPDESK_ROLES.includes(viewer.role))
    throw new AppError("FORBIDDEN", "Analysts have no access to the helpdesk's files.");
  if (viewer.kind === "token" && !viewer.scopes.includes(FILE_SCOPE))
    throw new AppError("FORBIDDEN", `This API token lacks the scope ${FILE_SCOPE}.`);
  return viewer;
}

/** The uploader behind a request: a helpdesk staff session, or an API token with file:write. */
export async function uploaderFromRequest(db: Db, request: Request): Promise<Uploader> {
  const viewer = await requireViewer(db, request);
  return viewer.kind === "user"
    ? { kind: "user", userId: viewer.id, role: viewer.role, wardIds: viewer.wardIds }
    : { kind: "chatbot", apiTokenId: viewer.tokenId };
}

/** Who asks for a file: staff (jurisdiction checked by the service) or a token (its own uploads only). */
export async function fileViewerFromRequest(db: Db, request: Request): Promise<FileViewer> {
  const viewer = await requireViewer(db, request);
  return viewer.kind === "user"
    ? { staff: { userId: viewer.id, role: viewer.role, wardIds: viewer.wardIds } }
    : { chatbot: { apiTokenId: viewer.tokenId } };
}
