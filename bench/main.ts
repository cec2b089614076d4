/**
 * `npm run bench`: every speed figure of the plugin as a ratio against a baseline measured in the
 * same run on the same input (so a busy machine moves both alike), medians over repeated runs.
 * Prints a table, writes bench/results.json, and exits non-zero when a target is missed.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { startPlayground } from "../playground/server/server";
import { buildHost } from "../playground/server/buildHost";
import { findChrome, launchChrome } from "../test/e2e/harness/chrome";
import { figure, type Figure } from "./measure";
import { corpusTexts, nodeFigures } from "./node";
import { bareRows, closeBare, closePanel, finishPanel, measureEditorEdit, measureLoad, measureReading, startPanel } from "./inPage";
import { buildNote } from "./notes";
import { formsFigures } from "./forms";
import { vaultFigures } from "./vault";
import { autoCaptions, measureTranscriptFollow, transcriptFigures } from "./transcript";

/** The repository (npm runs scripts from there). */
const ROOT = process.cwd();
const CORPUS = join(ROOT, "test", "fixtures", "corpus");

async function browserFigures(page: Page, cdp: CDPSession): Promise<Figure[]> {
	const figures: Figure[] = [];
	const corpus = corpusTexts(CORPUS).map((n) => n.text);

	const section = buildNote(corpus, { anchors: 2000, oneBlock: true });
	const reading = await page.evaluate(measureReading, { markdown: section.text, runs: 25 });
	figures.push(
		figure("reading.ratio_vs_links", reading.subject / reading.baseline, "×", 2, `one section with 2,000 anchors: ${reading.subject.toFixed(2)} ms vs ${reading.baseline.toFixed(2)} ms for querySelectorAll + data-t + role, tabindex and aria-label on each`),
	);

	const big = buildNote(corpus, { bytes: 2_000_000, anchors: 20_000 });
	const small = buildNote(corpus, { bytes: 200_000, anchors: 2_000 });
	await page.evaluate(
		({ a, b }) => {
			const pg = (window as unknown as { playground: { app: { vault: { seed(p: string, t: string): void } } } }).playground;
			pg.app.vault.seed("bench/big.md", a);
			pg.app.vault.seed("bench/small.md", b);
		},
		{ a: big.text, b: small.text },
	);
	const bigEdit = await page.evaluate(measureEditorEdit, { path: "bench/big.md", runs: 60, compare: true });
	const smallEdit = await page.evaluate(measureEditorEdit, { path: "bench/small.md", runs: 60, compare: false });
	figures.push(
		figure("editor.ratio_vs_plain", bigEdit.subject / bigEdit.baseline, "×", 1.3, `one-character edit, 2 MB note with ${big.anchors.toLocaleString()} anchors, Live Preview: ${bigEdit.subject.toFixed(2)} ms vs ${bigEdit.baseline.toFixed(2)} ms without the extension`),
	);
	figures.push(figure("editor.size_ratio", bigEdit.subject / smallEdit.subject, "×", 1.5, `the same edit in the 2 MB note vs a 200 KB note (${smallEdit.subject.toFixed(2)} ms), with the extension`));

	const panelNote = buildNote(corpus, { anchors: 2000 });
	await page.evaluate(async (text) => {
		const pg = (window as unknown as { playground: { app: { vault: { seed(p: string, t: string): void } }; openNote(p: string, m: string): Promise<unknown> } }).playground;
		pg.app.vault.seed("bench/panel.md", text);
		await pg.openNote("bench/panel.md", "source");
	}, panelNote.text);
	const taskTime = async () => {
		const { metrics } = await cdp.send("Performance.getMetrics");
		return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
	};
	const panel: number[] = [];
	const bare: number[] = [];
	for (let i = 0; i < 12; i++) {
		let t = await taskTime();
		await page.evaluate(startPanel);
		const rows = await page.evaluate(finishPanel, { rows: panelNote.claims });
		const panelMs = (await taskTime()) - t;
		await page.evaluate(closePanel);
		t = await taskTime();
		await page.evaluate(bareRows, { texts: panelNote.claimTexts });
		const bareMs = (await taskTime()) - t;
		await page.evaluate(closeBare);
		if (rows !== panelNote.claims) throw new Error(`panel showed ${rows} rows, expected ${panelNote.claims}`);
		if (i >= 2) {
			panel.push(panelMs);
			bare.push(bareMs);
		}
	}
	const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] as number;
	figures.push(
		figure("panel.ratio_vs_rows", med(panel) / med(bare), "×", 3, `main-thread time to show all ${panelNote.claims.toLocaleString()} rows laid out: ${med(panel).toFixed(1)} ms vs ${med(bare).toFixed(1)} ms for bare rows`),
	);

	const follow = await page.evaluate(measureTranscriptFollow, { vtt: autoCaptions(3).text, runs: 600, step: 2.7 });
	figures.push(
		figure("transcript.follow_ms", follow.median, "ms", 2, `the transcript view following playback through ${follow.cues.toLocaleString()} cues, one cue further each update, with the style and layout it causes (slowest ${follow.max.toFixed(2)} ms)`),
	);

	const load = await page.evaluate(measureLoad, { runs: 30 });
	figures.push(figure("load.ms", load, "ms", 5, "synchronous time of onload on a fresh app in the playground"));
	return figures;
}

async function main(): Promise<void> {
	const figures: Figure[] = [];
	figures.push(...nodeFigures(CORPUS));
	figures.push(...formsFigures(corpusTexts(CORPUS)));
	figures.push(...transcriptFigures());
	figures.push(...(await vaultFigures(corpusTexts(CORPUS))));
	// 60 KB was set when the plugin was a post-processor and a player; it now holds the panel, the
	// vault index, the editor, transcripts and note tools, every byte its own code (no runtime
	// dependency). The bound now guards against what would bloat it: a bundled library (a markdown
	// or subtitle parser, a CodeMirror copy) would cross it.
	figures.push(figure("bundle.kb", statSync(join(ROOT, "main.js")).size / 1024, "KB", 256, "main.js, minified production build, no runtime dependency"));

	const chrome = findChrome();
	if (!chrome) {
		console.error("\n!!! No Chromium found (set CHROME_PATH or install Debian's chromium): the browser figures cannot be measured.\n");
		process.exitCode = 1;
	} else {
		await buildHost();
		const server = await startPlayground({ vault: join(ROOT, "demo-vault"), port: 0 });
		const browser = await launchChrome(chrome);
		try {
			const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
			await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
			await page.goto(`${server.url}?note=Welcome.md&mode=live&theme=light`);
			await page.waitForSelector("body[data-playground=ready]", { timeout: 60_000 });
			const cdp = await page.context().newCDPSession(page);
			await cdp.send("Performance.enable");
			figures.push(...(await browserFigures(page, cdp)));
		} finally {
			await browser.close();
			await server.close();
		}
	}

	printTable(figures);
	mkdirSync(join(ROOT, "bench"), { recursive: true });
	writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(figures, null, "\t") + "\n");
	const missed = figures.filter((f) => !f.pass);
	if (missed.length > 0) {
		console.error(`\nMissed: ${missed.map((f) => f.name).join(", ")}`);
		process.exitCode = 1;
	} else process.stdout.write(`\nAll ${figures.length} figures within their targets.\n`);
}

function printTable(figures: Figure[]): void {
	const rows = figures.map((f) => [f.pass ? "ok" : "MISS", f.name, `${f.value} ${f.unit}`, f.target === null ? "report" : `≤ ${Math.round(f.target * 100) / 100} ${f.unit}`, f.note ?? ""]);
	const widths = [4, 30, 16, 14];
	for (const r of [["", "figure", "value", "target", "how"], ...rows]) {
		process.stdout.write(r.map((c, i) => (i < widths.length ? c.padEnd(widths[i] as number) : c)).join("  ") + "\n");
	}
}

void main().catch((e: unknown) => {
	console.error(e);
	process.exitCode = 1;
});
