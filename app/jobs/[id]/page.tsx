// `/jobs/[id]`: one Flink job, live, on its pipeline's canvas, with run control.
import { JobPage } from "@/components/monitor/job-page";

export default async function Job({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JobPage jobId={id} />;
}
