// StateRoot: checkpoint, savepoint and restore locations outside the state folder are refused under every key Flink reads.
package io.streamcanvas.runner.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamcanvas.runner.ir.IrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateRootTest {
  @TempDir Path tmp;

  @Test
  void readsEveryKeyFlinkTakesAStateLocationFrom() {
    for (String k : new String[] {"execution.checkpointing.dir", "execution.checkpointing.savepoint-dir", "execution.state-recovery.path",
        "state.checkpoints.dir", "state.savepoints.dir", "execution.savepoint.path"}) {
      assertTrue(StateRoot.KEYS.contains(k), k);
    }
  }

  @Test
  void acceptsFoldersUnderTheRootAndRefusesEveryOther() throws Exception {
    StateRoot root = StateRoot.of(tmp.resolve("flink-state"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.path())));
    String in = root.path().resolve("checkpoints").toString();
    assertDoesNotThrow(() -> root.check(Map.of("execution.checkpointing.dir", "file://" + in,
        "execution.checkpointing.savepoint-dir", "file:" + in, "execution.state-recovery.path", in + "/chk-1",
        "execution.checkpointing.interval", "1 s")));
    Files.createSymbolicLink(root.path().resolve("out"), tmp);
    for (String bad : new String[] {"file:///tmp/elsewhere", "/etc", "file://" + in + "/../../x", "s3://bucket/x",
        "hdfs://nn/x", "file://host/" + in, "relative/dir", "file://" + root.path().resolve("out/x")}) {
      for (String key : new String[] {"state.savepoints.dir", "execution.checkpointing.dir", "execution.state-recovery.path"}) {
        IrException e = assertThrows(IrException.class, () -> root.check(Map.of(key, bad)), key + "=" + bad);
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains("refused"), e.getMessage());
      }
    }
  }

  @Test
  void withoutARootNoStateLocationIsAccepted() {
    assertDoesNotThrow(() -> StateRoot.NONE.check(Map.of("execution.checkpointing.interval", "1 s")));
    IrException e = assertThrows(IrException.class, () -> StateRoot.NONE.check(Map.of("execution.checkpointing.dir", "file:///tmp/x")));
    assertTrue(e.getMessage().contains("--state-dir"), e.getMessage());
  }
}
