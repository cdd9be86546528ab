import { GET as health } from "../../health/route";

export const dynamic = "force-dynamic";

/** The chatbot's REST prefix answers the same health report as /api/health. */
export const GET = health;
