// A self-signed RSA certificate for 127.0.0.1 and localhost made in this JVM with the JDK's own keytool classes, reached
// by reflection (jvm.options exports their packages); false when they are not reachable, and RestTls runs keytool.
package io.streamcanvas.runner.cluster;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;

final class SelfSigned {
  static final long VALIDITY_SECONDS = 3650L * 24 * 3600;

  private SelfSigned() {}

  static boolean writeKeystore(Path keystore, String alias, char[] password) {
    try {
      Class<?> genC = Class.forName("sun.security.tools.keytool.CertAndKeyGen");
      Class<?> nameC = Class.forName("sun.security.x509.X500Name");
      Class<?> gnsC = Class.forName("sun.security.x509.GeneralNames");
      Class<?> gnC = Class.forName("sun.security.x509.GeneralName");
      Class<?> gniC = Class.forName("sun.security.x509.GeneralNameInterface");
      Class<?> extsC = Class.forName("sun.security.x509.CertificateExtensions");
      Object gen = genC.getConstructor(String.class, String.class).newInstance("RSA", "SHA256withRSA");
      genC.getMethod("generate", int.class).invoke(gen, 2048);
      Object names = gnsC.getConstructor().newInstance();
      Object ip = Class.forName("sun.security.x509.IPAddressName").getConstructor(String.class).newInstance("127.0.0.1");
      Object dns = Class.forName("sun.security.x509.DNSName").getConstructor(String.class).newInstance("localhost");
      gnsC.getMethod("add", gnC).invoke(names, gnC.getConstructor(gniC).newInstance(ip));
      gnsC.getMethod("add", gnC).invoke(names, gnC.getConstructor(gniC).newInstance(dns));
      Object san = Class.forName("sun.security.x509.SubjectAlternativeNameExtension").getConstructor(gnsC).newInstance(names);
      Object exts = extsC.getConstructor().newInstance();
      extsC.getMethod("set", String.class, Object.class).invoke(exts, "SubjectAlternativeName", san);
      Object subject = nameC.getConstructor(String.class).newInstance("CN=streamcanvas-runner");
      X509Certificate cert = (X509Certificate) genC.getMethod("getSelfCertificate", nameC, Date.class, long.class, extsC)
          .invoke(gen, subject, new Date(), VALIDITY_SECONDS, exts);
      PrivateKey key = (PrivateKey) genC.getMethod("getPrivateKey").invoke(gen);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, key, password, new Certificate[] {cert});
      Files.deleteIfExists(keystore);
      Files.createFile(keystore, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(keystore)) {
        ks.store(out, password);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | java.io.IOException | java.security.GeneralSecurityException e) {
      System.err.println("streamcanvas-runner: making the REST key pair with keytool (the JDK's classes were not reachable: " + e + ")");
      return false;
    }
  }
}
