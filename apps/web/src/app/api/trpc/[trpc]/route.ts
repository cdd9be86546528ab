import { handleTrpcRequest, liveEventHubFor } from "@sunuwai/api";
import { env } from "~/env";

// Per request, on Node.js: subscriptions stream Server-Sent Events from this process's one LISTEN connection.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = (request: Request) =>
  handleTrpcRequest(request, { liveEvents: liveEventHubFor(env.DATABASE_URL) });

export { handler as GET, handler as POST };
