/** Runs once when the server starts: importing env.ts validates the environment, so a missing secret stops it. */
export async function register() {
  await import("./env");
}
