// One real PostgreSQL (Debian's package) per Surefire JVM: initdb into a temp folder as a non-root account (initdb and
// postgres refuse root), pg_ctl start on a free loopback port with wal_level=logical, a login role with a password owning
// its own database; stopped (pg_ctl stop -m fast) after the last test class. Mirrors server/testing/postgres-server.ts.
package io.streamcanvas.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Use with {@code @ExtendWith(PostgresServer.class)}; then {@link #jdbcUrl()} is a database that answers. */
public final class PostgresServer implements BeforeAllCallback {
  static final String LOOPBACK = "127.0.0.1";
  static final String USER = "sc_test";
  static final String DATABASE = "sc_test";
  private static Path dir;
  private static Path bin;
  private static List<String> asServer;
  private static int port;
  private static String password;
  private static String settings;

  private static final class Closer implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws Exception {
    synchronized (PostgresServer.class) {
      if (dir != null) return;
      start();
      ctx.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PostgresServer.class.getName(), new Closer());
    }
  }

  /** Outside JUnit (bench:jdbc): starts the server once; a shutdown hook stops it. */
  public static synchronized void ensureStarted() throws Exception {
    if (dir == null) start();
  }

  public static String jdbcUrl() {
    return "jdbc:postgresql://" + LOOPBACK + ":" + port + "/" + DATABASE;
  }

  public static int port() {
    return port;
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return password;
  }

  /** Debian's server binaries, newest major first (/usr/lib/postgresql/<major>/bin), or STREAMCANVAS_PG_BIN. */
  static Path binDir() throws IOException {
    String env = System.getenv("STREAMCANVAS_PG_BIN");
    if (env != null && !env.isEmpty()) return Path.of(env);
    Path base = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(base)) {
      try (var majors = Files.list(base)) {
        var found = majors.filter(p -> p.getFileName().toString().matches("\\d+"))
            .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
            .map(p -> p.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl"))).findFirst();
        if (found.isPresent()) return found.get();
      }
    }
    throw new IllegalStateException("no PostgreSQL server binaries under " + base + "/<version>/bin: install Debian's package "
        + "(apt-get install -y postgresql) or set STREAMCANVAS_PG_BIN");
  }

  private static void start() throws Exception {
    long t0 = System.nanoTime();
    bin = binDir();
    boolean root = "root".equals(System.getProperty("user.name"));
    String account = System.getenv().getOrDefault("STREAMCANVAS_PG_OS_USER", "postgres");
    dir = Files.createTempDirectory("sc-pg-");
    // as root, every server command runs as the account Debian's package creates (setpriv: no PAM, no login shell)
    asServer = root ? List.of("setpriv", "--reuid=" + account, "--regid=" + account, "--clear-groups") : List.of();
    if (root) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName(account));
    }
    port = freePort();
    byte[] pw = new byte[9];
    new SecureRandom().nextBytes(pw);
    password = "sc-pw-" + HexFormat.of().formatHex(pw);
    Path data = dir.resolve("data");
    run("initdb", List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth-local=trust",
        "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
    settings = String.join(" ", "-c port=" + port, "-c listen_addresses=" + LOOPBACK, "-c wal_level=logical",
        "-c max_wal_senders=10", "-c max_replication_slots=10", "-c unix_socket_directories=" + dir, "-c fsync=off",
        "-c synchronous_commit=off", "-c full_page_writes=off");
    pgCtlStart();
    Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop));
    // the password is [a-z0-9-] only, so quoting it as a literal is exact
    run("creating the test role and database", List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p",
        String.valueOf(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
        "-c", "CREATE ROLE " + USER + " LOGIN CREATEDB REPLICATION PASSWORD '" + password + "'",
        "-c", "CREATE DATABASE " + DATABASE + " OWNER " + USER));
    System.out.printf("[postgres] %s:%d ready in %d ms (dir %s, bin %s)%n", LOOPBACK, port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dir, bin);
  }

  private static void pgCtlStart() throws Exception {
    run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("server.log").toString(), "-o", settings, "start"));
  }

  /** Stops the server, keeping its data (a database going away mid-run); {@link #resume()} starts it on the same port. */
  static synchronized void pause() throws Exception {
    run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
  }

  static synchronized void resume() throws Exception {
    pgCtlStart();
  }

  /** Runs a server command as the server's account; throws with its output when it fails. */
  private static void run(String what, List<String> cmd) throws Exception {
    List<String> full = new ArrayList<>(asServer);
    full.addAll(cmd);
    ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(what + " failed: " + out);
    }
  }

  /** pg_ctl stop -m fast: only the server in this harness's data folder; then the folder goes. */
  static synchronized void stop() {
    if (dir == null) return;
    Path d = dir;
    try {
      run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", d.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    } catch (Exception e) {
      System.err.println("[postgres] teardown: " + e);
    }
    dir = null;
    try (var paths = Files.walk(d)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("[postgres] removing " + d + ": " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    }
  }
}
