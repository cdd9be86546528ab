/** Runs once when the server starts (Node.js only: the checks use process.exit). */
export async function register() {
  // NEXT_RUNTIME is inlined by Next at build time (not configuration).
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartMisconfigured } = await import("./server/startup-check");
    await refuseToStartMisconfigured();
  }
}
