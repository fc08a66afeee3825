// `/jobs`: every job the cluster knows and every StreamCanvas run, live.
import { JobsPage } from "@/components/monitor/jobs-page";

export default function Jobs() {
  return <JobsPage />;
}
