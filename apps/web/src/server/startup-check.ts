/**
 * Importing env.ts validates the environment; a server without its database URL or session secret stops
 * with the reason, instead of starting and answering every request with 500.
 */
export async function refuseToStartMisconfigured(): Promise<void> {
  try {
    await import("~/env");
  } catch (error) {
    console.error(
      `[sunuwai] the web server cannot start. ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
