// pipeline/testing: builders shared by tests (graphs.ts); this index keeps `@/pipeline/testing` imports working.
export * from "./graphs";
