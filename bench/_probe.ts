import { readDeadline } from "../src/domain/deadline";
const ctx = { period: { start: "2023-09-01", end: "2024-08-31" }, approved: "2023-10-19" };
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(readDeadline(t, ctx)));
