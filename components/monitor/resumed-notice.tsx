// Says that a run's job was started again from its latest checkpoint after the runner died (RunInfo.resumes).

type Resume = { at: number; fromJobId: string | null; checkpoint: string };

export function ResumedNotice({ resumes }: { resumes: Resume[] }) {
  if (resumes.length === 0) return null;
  return (
    <div className="sc-alert sc-alert--ok" data-testid="run-resumed">
      {resumes.map((r) => (
        <div key={r.at}>
          Resumed after a runner restart at {new Date(r.at).toLocaleTimeString()}, from its latest checkpoint
          ({r.checkpoint.split("/").at(-1)}) of job {r.fromJobId ?? "?"}.
        </div>
      ))}
    </div>
  );
}
