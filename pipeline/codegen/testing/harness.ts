// Test support (not a test itself): the Java sources java.int.test.ts compiles to run printed Java and plan printed SQL.

/** Runs generated mains in one JVM, each on a local MiniCluster bound to loopback (the programs say nothing about addresses). */
export const HARNESS = `
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

public class LoopbackHarness extends StreamExecutionEnvironment {
  public static void main(String[] args) throws Exception {
    initializeContextEnvironment(conf -> {
      Configuration c = new Configuration(conf);
      for (String k : new String[] {"rest.address", "rest.bind-address", "jobmanager.bind-host", "jobmanager.rpc.address",
          "taskmanager.bind-host", "taskmanager.host"}) c.setString(k, "127.0.0.1");
      // what LocalStreamEnvironment sets up, which refuses to be created as a context environment
      c.setString("execution.target", "local");
      c.setString("execution.attached", "true");
      return new StreamExecutionEnvironment(c);
    });
    for (String cls : args) {
      System.out.println("=== " + cls);
      Class.forName(cls).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }
  }
}
`;

/** Plans (EXPLAIN, no job runs) each NUL-separated statement of each file in a fresh TableEnvironment. */
export const SQL_PLAN = `
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

public class SqlPlanCheck {
  public static void main(String[] args) throws Exception {
    int failures = 0;
    for (String file : args) {
      TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
      String[] statements = Files.readString(Path.of(file)).split("\\u0000");
      for (int i = 0; i < statements.length; i++) {
        String s = statements[i];
        var set = java.util.regex.Pattern.compile("SET '((?:[^']|'')*)' = '((?:[^']|'')*)'", java.util.regex.Pattern.DOTALL).matcher(s);
        // SET is the SQL client's statement; a TableEnvironment takes the same option through its config
        if (set.matches()) {
          tEnv.getConfig().set(set.group(1).replace("''", "'"), set.group(2).replace("''", "'"));
          continue;
        }
        if (s.startsWith("EXECUTE STATEMENT SET")) s = "EXPLAIN" + s.substring("EXECUTE".length());
        else if (s.startsWith("SELECT")) s = "EXPLAIN " + s;
        try {
          tEnv.executeSql(s).collect().forEachRemaining(r -> {});
        } catch (Exception e) {
          failures++;
          System.out.println("FAIL " + Path.of(file).getFileName() + " statement " + i + ": " + e.getMessage());
        }
      }
    }
    System.out.println(failures == 0 ? "ALL PLANNED" : failures + " FAILED");
  }
}
`;
