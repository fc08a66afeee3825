// Mutual TLS for the embedded cluster's REST endpoint: a self-signed key pair made at each start, which only the runner
// and whoever it hands the client credential to (the server, through runner.json) can use; other local processes get a
// failed handshake for every request, so cancel and savepoint-to-any-folder are out of their reach.
package io.streamcanvas.runner.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;

public final class RestTls {
  static final String ALIAS = "flink-rest";
  private static final String PASSWORD_ENV = "STREAMCANVAS_REST_KEYSTORE_PASSWORD";

  private final Path keystore;
  private final Path truststore;
  private final Path clientPem;
  private final String password;

  private RestTls(Path dir, String password) {
    this.keystore = dir.resolve("rest.p12");
    this.truststore = dir.resolve("trust.p12");
    this.clientPem = dir.resolve("client.pem");
    this.password = password;
  }

  /**
   * Makes the key pair in `dir` (created 0700; each file 0600): rest.p12 (key and certificate, the server's and the
   * client's identity at once, as Flink's mutual REST TLS wants), trust.p12 (that certificate only) and client.pem
   * (the same key and certificate as PEM, for the Node server). RSA because Flink's default cipher suites are RSA's.
   */
  public static RestTls create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    RestTls tls = new RestTls(dir, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    // in this JVM where jvm.options exports the JDK's certificate classes (a keytool process costs ~1-3 s of start-up)
    if (!SelfSigned.writeKeystore(tls.keystore, ALIAS, tls.password.toCharArray())) tls.generate();
    try {
      tls.exportTrustAndPem();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("could not export the REST credential from " + tls.keystore + ": " + e.getMessage(), e);
    }
    return tls;
  }

  /** keytool, the fallback: the JDK has no public API for a self-signed certificate; the password goes by environment. */
  private void generate() throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder pb = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
        "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-dname", "CN=streamcanvas-runner",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass:env", PASSWORD_ENV, "-keypass:env", PASSWORD_ENV, "-noprompt"));
    pb.environment().put(PASSWORD_ENV, password);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("keytool could not make the REST key pair in " + keystore.getParent() + ": " + out.trim());
    }
    Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
  }

  private void exportTrustAndPem() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, password.toCharArray());
    }
    Certificate cert = ks.getCertificate(ALIAS);
    Key key = ks.getKey(ALIAS, password.toCharArray());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, cert);
    try (OutputStream out = private0600(truststore)) {
      trust.store(out, password.toCharArray());
    }
    try (OutputStream out = private0600(clientPem)) {
      out.write((pem("PRIVATE KEY", key.getEncoded()) + pem("CERTIFICATE", cert.getEncoded())).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static OutputStream private0600(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.newOutputStream(file);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** The options that make Flink's REST server, and any REST client of it (job submission), use this key pair. */
  public void applyTo(Configuration conf) {
    conf.set(SecurityOptions.SSL_REST_ENABLED, true);
    conf.set(SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED, true);
    conf.set(SecurityOptions.SSL_REST_KEYSTORE, keystore.toString());
    conf.set(SecurityOptions.SSL_REST_KEYSTORE_PASSWORD, password);
    conf.set(SecurityOptions.SSL_REST_KEY_PASSWORD, password);
    conf.set(SecurityOptions.SSL_REST_KEYSTORE_TYPE, "PKCS12");
    conf.set(SecurityOptions.SSL_REST_TRUSTSTORE, truststore.toString());
    conf.set(SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD, password);
    conf.set(SecurityOptions.SSL_REST_TRUSTSTORE_TYPE, "PKCS12");
  }

  /** A copy of `conf` with the client side of this key pair, for StreamExecutionEnvironment.createRemoteEnvironment. */
  public Configuration clientConfig(Configuration conf) {
    Configuration c = new Configuration(conf);
    applyTo(c);
    return c;
  }

  /** PEM file holding the private key and the certificate (which is also the only one to trust). */
  public Path clientPem() {
    return clientPem;
  }
}
