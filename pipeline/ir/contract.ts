// The IR contract the Java runner is held to (jvm-runner IrContractTest): each op and its fields, each connector and
// the options the runner checks. pipeline/ir/contract.test.ts writes it to pipeline/fixtures/ir-contract.json.
import { aggregateContract, type ContractAggregate, type ContractFunction, functionContract } from "../expr/functions/contract";
import { opName } from "./define-op";
import { CONNECTORS } from "./connectors";
import { OPS } from "./index";

export type IrContract = {
  /** op → its fields besides `op`, sorted (Statement.java's record components) */
  ops: Record<string, string[]>;
  /** connector → the options the runner lets through, sorted; null = passed to Flink unchecked */
  connectors: Record<string, { options: string[] | null }>;
  /** the expression functions (pipeline/expr/functions): jvm-runner's Functions reads this section */
  functions: ContractFunction[];
  /** the aggregate functions of groupBy / window statements: jvm-runner's Aggregates reads this section */
  aggregates: ContractAggregate[];
};

const sortedEntries = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function irContract(): IrContract {
  return {
    ops: sortedEntries(OPS.map((o) => [opName(o as never), Object.keys(o.schema.shape).filter((k) => k !== "op").sort()])),
    connectors: sortedEntries(Object.entries(CONNECTORS).map(([name, rule]) => [name, { options: rule.options ? [...rule.options].sort() : null }])),
    functions: functionContract(),
    aggregates: aggregateContract(),
  };
}
