// The finding-to-report conversion lives in server/src/report (shared with the editor's report
// view); the CLI formatters keep importing it from here.
export * from "../report/findings";
