import { extractCitations, type RepairKind } from "../src/core";

/** What {@link corpusReport} counts over a set of notes. */
export interface CorpusReport {
	notes: number;
	citations: number;
	invalid: number;
	/** Citations that play past 6 hours, and past 12 hours (no talk is that long). */
	past6h: number;
	past12h: number;
	/** The notes whose latest time plays past 6 hours. */
	notesPast6h: number;
	/** How times were read when not as written, by kind (`minutes-seconds`, `label`, `ambiguous`, …). */
	kinds: Partial<Record<RepairKind, number>>;
	/** Citations whose time differs from reading each one as written on its own (the context's choices). */
	rereadInContext: number;
	/** Citations whose clean label gives another time than their clean `data-t`. */
	labelDisagreements: number;
}

const SIX_HOURS = 6 * 3600;

/** Runs the citation reader over notes and counts where their citations land and how they were read. */
export function corpusReport(texts: Iterable<string>): CorpusReport {
	const report: CorpusReport = { notes: 0, citations: 0, invalid: 0, past6h: 0, past12h: 0, notesPast6h: 0, kinds: {}, rereadInContext: 0, labelDisagreements: 0 };
	for (const text of texts) {
		report.notes++;
		const cs = extractCitations(text);
		const written = extractCitations(text, { inContext: false });
		let latest = 0;
		cs.forEach((c, i) => {
			report.citations++;
			if (c.seconds === null) {
				report.invalid++;
				return;
			}
			latest = Math.max(latest, c.seconds);
			if (c.seconds > SIX_HOURS) report.past6h++;
			if (c.seconds > 2 * SIX_HOURS) report.past12h++;
			if (c.repair) report.kinds[c.repair] = (report.kinds[c.repair] ?? 0) + 1;
			if (written[i]?.seconds !== c.seconds) report.rereadInContext++;
			if (labelDisagrees(text.slice(c.from, c.to))) report.labelDisagreements++;
		});
		if (latest > SIX_HOURS) report.notesPast6h++;
	}
	return report;
}

const CLEAN = /data-t="(\d{1,3}(?::\d{1,3}){1,2})"[^>]*>\s*\[?\s*(\d{1,3}(?::\d{1,3}){1,2})\s*\]?\s*</;

function labelDisagrees(raw: string): boolean {
	const m = CLEAN.exec(raw);
	return !!m && seconds(m[1] ?? "") !== seconds(m[2] ?? "");
}

function seconds(time: string): number {
	return time.split(":").reduce((s, f) => s * 60 + Number(f), 0);
}
