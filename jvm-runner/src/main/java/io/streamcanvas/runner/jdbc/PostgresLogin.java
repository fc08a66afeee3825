// Logs in to PostgreSQL with the JDBC driver on a connection's url, username and password within 10 s, or says what
// failed: unreachable host:port, authentication failed, unknown database, TLS; the password scrubbed from every message.
package io.streamcanvas.runner.jdbc;

import io.streamcanvas.runner.job.SecretScrubber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

public final class PostgresLogin {
  static final int BUDGET_S = 10;

  /** Why the login failed, said for a person (no secret in it). */
  public static final class Failed extends Exception {
    public Failed(String message) {
      super(message);
    }
  }

  private PostgresLogin() {}

  /** An open connection; the caller closes it. `props`: url, username, password (Flink's jdbc option names). */
  public static Connection open(Map<String, String> props) throws Failed {
    SecretScrubber scrubber = scrubber(props);
    String url = props.getOrDefault("url", "");
    Properties parsed = url.startsWith("jdbc:postgresql:") ? Driver.parseURL(url, null) : null;
    if (parsed == null) throw new Failed("not a PostgreSQL JDBC url: " + scrubber.scrub(url));
    String host = parsed.getProperty("PGHOST");
    String port = parsed.getProperty("PGPORT");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, Integer.parseInt(port)), 3_000);
    } catch (IOException | NumberFormatException e) {
      throw new Failed("unreachable: cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")");
    }
    Properties info = new Properties();
    info.setProperty("user", props.getOrDefault("username", ""));
    info.setProperty("password", props.getOrDefault("password", ""));
    info.setProperty("connectTimeout", String.valueOf(BUDGET_S));
    info.setProperty("loginTimeout", String.valueOf(BUDGET_S));
    info.setProperty("socketTimeout", String.valueOf(BUDGET_S));
    try {
      return new Driver().connect(url, info);
    } catch (SQLException e) {
      throw failed(e, host + ":" + port, info.getProperty("user"), parsed.getProperty("PGDBNAME"), scrubber);
    }
  }

  static SecretScrubber scrubber(Map<String, String> props) {
    return new SecretScrubber(Map.of("password", props.getOrDefault("password", "")));
  }

  static Failed failed(SQLException e, String at, String user, String database, SecretScrubber scrubber) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String why = scrubber.scrub(e.getMessage());
    if (state.equals("28P01") || state.equals("28000")) return new Failed("authentication failed at " + at + " for user \"" + user + "\": " + why);
    if (state.equals("3D000")) return new Failed("unknown database \"" + database + "\" at " + at + ": " + why);
    if (why != null && (why.contains("SSL") || e.getCause() instanceof javax.net.ssl.SSLException)) return new Failed("TLS error connecting to " + at + ": " + why);
    return new Failed("PostgreSQL at " + at + " refused the connection (SQLSTATE " + state + "): " + why);
  }
}
