import { readDeadline } from "../src/domain/deadline";
const ctxs: Record<string, any> = { sy: { period: { start: "2023-09-01", end: "2024-08-31" }, approved: "2023-10-19" }, cal: { period: { start: "2023-01-01", end: "2023-12-31" }, approved: "2023-03-30" } };
const ctx = ctxs[process.argv[2]];
for (const t of process.argv.slice(3)) { const d = readDeadline(t, ctx); console.log(JSON.stringify(t), d.type, d.start, d.end, d.recurrence ?? "", d.points ? JSON.stringify(d.points) : ""); }
