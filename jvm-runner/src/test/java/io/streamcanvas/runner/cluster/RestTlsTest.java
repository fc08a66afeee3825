// RestTls: the key pair is made in this JVM (no keytool process), for 127.0.0.1 and localhost, in private files.
package io.streamcanvas.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestTlsTest {
  @TempDir Path tmp;

  @Test
  void makesAPrivateKeyPairForLoopbackInThisJvm() throws Exception {
    char[] pw = "pw-for-test".toCharArray();
    assertTrue(SelfSigned.writeKeystore(tmp.resolve("k.p12"), "a", pw), "jvm.options exports the JDK's certificate classes");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(tmp.resolve("k.p12"))) {
      ks.load(in, pw);
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("a");
    assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(2, "localhost")), cert.getSubjectAlternativeNames().stream().toList());

    RestTls tls = RestTls.create(tmp.resolve("rest"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("rest"))));
    for (String f : List.of("rest.p12", "trust.p12", "client.pem")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("rest").resolve(f))), f);
    }
    String pem = Files.readString(tls.clientPem());
    assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----") && pem.contains("-----BEGIN CERTIFICATE-----"), pem);
    String certPem = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"));
    var parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certPem.getBytes()));
    assertEquals("CN=streamcanvas-runner", parsed.getSubjectX500Principal().getName());
  }
}
