// `/targets`: the Flink clusters runs can go to (the embedded one and named remote session clusters).
import { TargetsPage } from "@/components/targets/targets-page";

export default function Targets() {
  return <TargetsPage />;
}
