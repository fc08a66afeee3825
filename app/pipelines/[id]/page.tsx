// `/pipelines/[id]`: the editor for one pipeline.
import { Editor } from "@/components/editor/editor";

export default async function PipelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Editor id={id} />;
}
