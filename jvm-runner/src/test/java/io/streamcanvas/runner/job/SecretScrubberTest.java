// Secrets among Kafka client properties are cut out of messages: password values, the JAAS line, and the password
// quoted inside it (escaped as the server writes them); a username is not secret and stays. Submitted connections
// (Secrets, the runner-wide registry) are scrubbed by the same rules.
package io.streamcanvas.runner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.ir.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {
  @Test
  void cuts_passwords_and_jaas_values_out_of_messages() {
    String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bob\" password=\"pa\\\"ss\\\\wd\";";
    var s = new SecretScrubber(Map.of("sasl.jaas.config", jaas, "ssl.truststore.password", "trust-me", "bootstrap.servers", "h:1"));
    assertEquals("config ****** failed", s.scrub("config " + jaas + " failed"));
    assertEquals("bad password ****** for bob at h:1", s.scrub("bad password pa\"ss\\wd for bob at h:1"));
    assertEquals("store ******", s.scrub("store trust-me"));
  }

  @Test
  void octal_escapes_are_read_back_as_the_server_wrote_them() {
    var s = new SecretScrubber(Map.of("sasl.jaas.config", "M required username=\"u\" password=\"line1\\012line2\";"));
    assertEquals("saw ****** here", s.scrub("saw line1\nline2 here"));
  }

  @Test
  void a_submitted_connections_secrets_are_cut_by_the_same_rules_for_the_runners_lifetime() {
    Secrets.register(List.of(new Connection("kafka", Map.of("bootstrap.servers", "h:1",
        "sasl.jaas.config", "M required username='u' password='single-q';", "ssl.keystore.key", "-----KEY-----"))));
    assertEquals("auth ****** and ****** at h:1", Secrets.scrub("auth single-q and -----KEY----- at h:1"));
  }
}
