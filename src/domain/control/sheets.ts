/** The add-in's own report sheets («Отчёт 2024-Q1»): written by `report`, never read as roadmaps. */
export function reportSheetTitle(quarterId: string): string {
  return `Отчёт ${quarterId}`;
}

export function isReportSheet(name: string): boolean {
  return /^Отчёт \d{4}-Q[1-4]$/.test(name.trim());
}
