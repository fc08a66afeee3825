// `/connections`: named connections (Kafka clusters…) with their sealed secrets.
import { ConnectionsPage } from "@/components/connections/connections-page";

export default function Connections() {
  return <ConnectionsPage />;
}
