// Shared by the Kafka sinks: the delivery guarantee (exactly-once needs checkpoints and a broker-allowed transaction
// timeout).
import { z } from "zod";
import type { GraphError } from "../graph";
import type { RunSettings } from "../run-settings";

export const DeliverySchema = z.enum(["at-least-once", "exactly-once", "none"]).default("at-least-once").meta({
  title: "Delivery guarantee",
  description: "at-least-once: flushed at every checkpoint, a failure may write rows twice; exactly-once: Kafka transactions " +
    "committed at checkpoints (needs a checkpoint interval; readers see rows only with isolation.level=read_committed); " +
    "none: fire and forget.",
});
export type Delivery = z.infer<typeof DeliverySchema>;

/**
 * Flink's exactly-once Kafka sink asks transaction.timeout.ms = 1 h by default, while a broker caps it at
 * transaction.max.timeout.ms (15 min by default) and refuses the producer: 10 min stays within the default cap.
 */
export const TRANSACTION_TIMEOUT_MS = 600_000;
/** A checkpoint must complete well within the transaction timeout, or the broker aborts what it would commit. */
const MAX_CHECKPOINT_INTERVAL_MS = TRANSACTION_TIMEOUT_MS / 2;

export function deliveryOptions(delivery: Delivery, nodeId: string): Record<string, string> {
  const o: Record<string, string> = { "sink.delivery-guarantee": delivery };
  if (delivery === "exactly-once") {
    // the runner makes it unique per pipeline and run (translate/KafkaDescriptors): transactions of two jobs never fence
    o["sink.transactional-id-prefix"] = nodeId;
    o["properties.transaction.timeout.ms"] = String(TRANSACTION_TIMEOUT_MS);
  }
  return o;
}

export function deliveryErrors(nodeId: string, delivery: Delivery, settings: RunSettings | undefined): GraphError[] {
  if (delivery !== "exactly-once" || !settings) return [];
  const interval = settings.checkpointIntervalMs;
  if (interval === null) {
    return [{ nodeId, field: "delivery", message: "exactly-once commits Kafka transactions at checkpoints: set a checkpoint interval in the run settings (ckpt s), or choose at-least-once" }];
  }
  if (interval > MAX_CHECKPOINT_INTERVAL_MS) {
    return [{ nodeId, field: "delivery", message: `exactly-once needs checkpoints at most every ${MAX_CHECKPOINT_INTERVAL_MS / 1000} s (the Kafka transaction times out after ${TRANSACTION_TIMEOUT_MS / 60000} min); the run settings say every ${interval / 1000} s` }];
  }
  return [];
}
