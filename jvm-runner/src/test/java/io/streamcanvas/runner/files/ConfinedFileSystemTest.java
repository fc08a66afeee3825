// The confined scheme through Flink's own FileSystem.get (found via META-INF/services): names and opens inside the data
// root work, links out of it are dropped from listings and refused by status and open, even when they appear later.
package io.streamcanvas.runner.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedFileSystemTest {
  @TempDir Path root;
  @TempDir Path outside;

  static org.apache.flink.core.fs.Path confined(Path p) {
    return new org.apache.flink.core.fs.Path(ConfinedFileSystem.uriOf(p));
  }

  static String read(FileSystem fs, Path p) throws IOException {
    try (var in = fs.open(confined(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void links_out_of_the_root_are_dropped_and_refused_links_inside_are_followed() throws Exception {
    DataRoot dataRoot = DataRoot.of(root);
    Path dir = Files.createDirectories(dataRoot.path().resolve("wätched dir"));
    Files.writeString(dir.resolve("plain.csv"), "plain");
    Path kept = Files.writeString(Files.createDirectories(dataRoot.path().resolve("kept")).resolve("in.csv"), "inside");
    Path secret = Files.writeString(outside.resolve("secret.csv"), "secret");
    Files.createSymbolicLink(dir.resolve("link in.csv"), kept);
    Path linkOut = Files.createSymbolicLink(dir.resolve("link out.csv"), secret);
    Path dirOut = Files.createSymbolicLink(dataRoot.path().resolve("dir out"), outside);

    FileSystem fs = FileSystem.get(confined(dir).toUri());
    assertInstanceOf(ConfinedFileSystem.class, fs);
    FileStatus[] listed = fs.listStatus(confined(dir));
    assertEquals(List.of("link in.csv", "plain.csv"), Arrays.stream(listed).map(s -> s.getPath().getName()).sorted().toList());
    for (FileStatus s : listed) {
      assertEquals(ConfinedFileSystem.SCHEME, s.getPath().toUri().getScheme(), "a listed file is opened through the confined scheme");
      assertEquals(1, fs.getFileBlockLocations(s, 0, s.getLen()).length);
    }
    assertEquals("inside", read(fs, dir.resolve("link in.csv")));
    assertEquals("plain", read(fs, dir.resolve("plain.csv")));

    var e = assertThrows(FileNotFoundException.class, () -> read(fs, linkOut));
    assertTrue(e.getMessage().contains("outside the data root"), e.getMessage());
    assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(confined(linkOut)));
    assertThrows(FileNotFoundException.class, () -> fs.listStatus(confined(dirOut)));
    assertThrows(FileNotFoundException.class, () -> read(fs, dirOut.resolve("secret.csv")));
    assertThrows(FileNotFoundException.class, () -> read(fs, secret), "a path outside every data root");
    assertThrows(IOException.class, () -> fs.delete(confined(dir.resolve("plain.csv")), false), "read-only");
    assertTrue(Files.exists(dir.resolve("plain.csv")));
  }
}
