/**
 * Extraction over the other form a citation takes: the corpus converted to portable markdown
 * links (`[46:51](https://youtu.be/ID?t=2811)`), as the plugin's conversion writes them, against a
 * bare regex scan for those links.
 */
import { applyEdits, extractCitations, planPortableLinks, resolveVideo } from "../src/core";
import { figure, timePair, type Figure } from "./measure";
import { frontmatterOf } from "./node";

/** A markdown link to a YouTube moment, as `planPortableLinks` writes it. */
const MOMENT_LINK = /\[[^\]\n]{1,40}\]\(https:\/\/youtu\.be\/[^)\s]+\)/g;

let sink = 0;

function scanLinks(texts: readonly string[]): number {
	let n = 0;
	for (const t of texts) {
		MOMENT_LINK.lastIndex = 0;
		while (MOMENT_LINK.exec(t)) n++;
	}
	return n;
}

function extractAll(texts: readonly string[]): number {
	let n = 0;
	for (const t of texts) n += extractCitations(t).length;
	return n;
}

/**
 * Measures `extract.forms_ratio_vs_scan`, and says when extraction and the scan disagree on how
 * many citations the converted notes hold (elements the conversion leaves alone, without a video
 * or a time, still count for extraction).
 */
export function formsFigures(corpus: readonly { path: string; text: string }[]): Figure[] {
	let left = 0;
	const texts = corpus.map((n) => {
		const plan = planPortableLinks(n.text, resolveVideo(frontmatterOf(n.text)));
		left += plan.skipped;
		return applyEdits(n.text, plan.edits);
	});
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	const links = scanLinks(texts);
	const found = extractAll(texts);
	const times = timePair(
		() => (sink += scanLinks(texts)),
		() => (sink += extractAll(texts)),
		60,
	);
	const counts = `extraction found ${found.toLocaleString()} citations, the scan ${links.toLocaleString()} links (+${left.toLocaleString()} elements left unconverted)`;
	const agree = found === links + left;
	if (!agree) process.stdout.write(`extract.forms: counts disagree, so the ratio measures something else: ${counts}\n`);
	if (sink === -1) process.stdout.write(`${sink}\n`);
	const f = figure(
		"extract.forms_ratio_vs_scan",
		times.subject / times.baseline,
		"×",
		2.5,
		`extractCitations over ${(bytes / 1e6).toFixed(2)} MB of corpus notes converted to markdown links vs a bare regex scan for those links; ${counts}`,
	);
	// A ratio over text extraction does not read as citations is no measure of reading them.
	return [{ ...f, pass: f.pass && agree }];
}
