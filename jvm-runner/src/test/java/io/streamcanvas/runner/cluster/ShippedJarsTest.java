// Which library groups a program for a remote cluster ships: only those its connectors and formats need.
package io.streamcanvas.runner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.ir.IrReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippedJarsTest {
  private static Set<String> groups(String statements) {
    return ShippedJars.groups(IrReader.read("{\"irVersion\": 1, \"name\": \"p\", \"statements\": [" + statements + "]}"));
  }

  @Test
  void aProgramWithoutConnectorLibrariesShipsTheRunnersGroupOnly() {
    assertEquals(Set.of("runner"), groups("""
        {"op": "from", "table": "t", "descriptor": {"connector": "datagen", "schema": [{"name": "a", "type": "INT"}], "options": {}}},
        {"op": "insertInto", "sink": "s", "input": "t", "descriptor": {"connector": "blackhole", "options": {}}}"""));
  }

  @Test
  void kafkaWithAnAvroValueAndAJdbcSinkShipTheirGroups() {
    assertEquals(List.of("runner", "kafka", "avro", "jdbc"), List.copyOf(groups("""
        {"op": "from", "table": "t", "descriptor": {"connector": "kafka", "connection": "k", "schema": [{"name": "a", "type": "INT"}],
          "options": {"topic": "x", "value.format": "avro"}}},
        {"op": "insertInto", "sink": "s", "input": "t", "descriptor": {"connector": "jdbc", "options": {}}}""")));
  }

  @Test
  void aLookupJoinsTableShipsItsConnectorsGroup() {
    assertEquals(Set.of("runner", "jdbc"), groups("""
        {"op": "fromValues", "table": "t", "columns": [{"name": "a", "type": "INT"}], "rows": [["1"]]},
        {"op": "lookupJoin", "table": "j", "input": "t", "descriptor": {"connector": "jdbc", "connection": "pg",
          "schema": [{"name": "a", "type": "INT"}], "options": {"table-name": "x"}}, "joinType": "inner", "keys": [{"left": "a", "right": "a"}]},
        {"op": "insertInto", "sink": "s", "input": "j", "descriptor": {"connector": "blackhole", "options": {}}}"""));
  }
}
