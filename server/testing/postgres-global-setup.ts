// Global setup of a test stage (vitest's integration project, Playwright): starts ONE test PostgreSQL shared by every test
// file and exports its address (server/testing/postgres-env.ts); the returned teardown stops exactly that server.
// With STREAMCANVAS_TEST_PG already set (a server you run yourself), it starts nothing.
import { TEST_PG_ENV } from "./postgres-env";
import { startPostgres } from "./postgres-server";

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_PG_ENV.address]) return async () => {};
  const pg = await startPostgres((l) => process.stdout.write(`${l}\n`));
  process.env[TEST_PG_ENV.address] = `${pg.host}:${pg.port}`;
  process.env[TEST_PG_ENV.database] = pg.database;
  process.env[TEST_PG_ENV.user] = pg.user;
  process.env[TEST_PG_ENV.password] = pg.password;
  return async () => {
    pg.stop();
    for (const k of Object.values(TEST_PG_ENV)) delete process.env[k];
  };
}
