/**
 * The whole-vault figures: the citation index built the way the plugin builds it (its
 * {@link CitationIndexer}, chunk by chunk) over as many notes as the corpus's real site holds, the
 * memory that index keeps, and keeping it current after one edit.
 */
import { extractCitations, resolveVideo, videoKey, type VideoRef } from "../src/core";
import type { NoteVideoSource } from "../src/notes/noteVideo";
import { CitationIndex } from "../src/vault/citationIndex";
import { CitationIndexer } from "../src/vault/indexer";
import { figure, median, timePairAsync, type Figure } from "./measure";
import { bareScan, frontmatterOf } from "./node";

/** Notes on the corpus's real site (test/fixtures/corpus/README.md). */
export const SITE_NOTES = 21_273;

/** Bytes a citation's own data takes in the index: its seconds (Float64) and line (Int32). */
const PER_CITATION = 12;

/** The seed note, whose edit the update figure times. */
const SEED = "the_rise_of_the_chief_product_and_technology_officer_role.md";

/** A vault of {@link SITE_NOTES} notes: the corpus repeated under new paths, each copy its own string. */
interface Vault {
	paths: string[];
	texts: Map<string, string>;
	/** Each note's frontmatter, as Obsidian's metadata cache holds it. */
	frontmatter: Map<string, Record<string, unknown>>;
	/** Sum of the notes' lengths × 2: their text as UTF-16. */
	utf16Bytes: number;
}

/**
 * Repeats the corpus under `v/<copy>/` until {@link SITE_NOTES} notes. Every copy ends with its own
 * comment line and is decoded afresh, so no two notes share a string (a concatenation alone would
 * point at the original), and every text is allocated before anything is measured.
 */
function buildVault(corpus: readonly { path: string; text: string }[]): Vault {
	const paths: string[] = [];
	const texts = new Map<string, string>();
	const frontmatter = new Map<string, Record<string, unknown>>();
	let utf16Bytes = 0;
	for (let i = 0; i < SITE_NOTES; i++) {
		const note = corpus[i % corpus.length] as { path: string; text: string };
		const path = `v/${Math.floor(i / corpus.length)}/${note.path}`;
		const text = Buffer.from(`${note.text}\n<!-- copy ${i} -->\n`, "utf8").toString("utf8");
		paths.push(path);
		texts.set(path, text);
		frontmatter.set(path, frontmatterOf(text));
		utf16Bytes += text.length * 2;
	}
	return { paths, texts, frontmatter, utf16Bytes };
}

/**
 * An indexer over `vault` as the plugin wires it. Between chunks it yields to the event loop with
 * `setImmediate` rather than the plugin's `setTimeout(0)`, whose clamp would time idle waits, not work.
 */
function indexerFor(vault: Vault, index: CitationIndex): CitationIndexer {
	// Like the plugin's NoteVideos: each question resolves the note's frontmatter afresh.
	const videos: NoteVideoSource = {
		videoFor: (path) => resolveVideo(vault.frontmatter.get(path)),
		videoFromFrontmatter: (fm) => resolveVideo(fm),
		linkedVideo: (ref) => ref,
	};
	return new CitationIndexer(
		index,
		{ markdownPaths: () => vault.paths, read: (path) => Promise.resolve(vault.texts.get(path) ?? "") },
		videos,
		() => new Promise((resolve) => setImmediate(resolve)),
	);
}

/** Bytes on the heap, typed arrays' backing stores included (they live outside it). */
function heapBytes(): number {
	globalThis.gc?.();
	globalThis.gc?.();
	const m = process.memoryUsage();
	return m.heapUsed + m.external;
}

/** Every citation the index keeps, over the videos the vault's notes cite, and their notes. */
function indexedCitations(index: CitationIndex, videos: Iterable<VideoRef>): { citations: number; records: number } {
	let citations = 0;
	let records = 0;
	for (const video of videos) {
		for (const note of index.notesFor(video)) {
			citations += note.seconds.length;
			records++;
		}
	}
	return { citations, records };
}

let sink = 0;

/** Measures the whole-vault figures (needs `--expose-gc` for the heap figure). */
export async function vaultFigures(corpus: readonly { path: string; text: string }[]): Promise<Figure[]> {
	if (!globalThis.gc) throw new Error("the whole-vault figures need node --expose-gc (npm run bench passes it)");
	const vault = buildVault(corpus);
	const texts = [...vault.texts.values()];
	const figures: Figure[] = [];
	const mb = (vault.utf16Bytes / 2 / 1e6).toFixed(0);

	const build = await timePairAsync(
		() => bareScan(texts),
		async () => {
			const index = new CitationIndex();
			await indexerFor(vault, index).build();
			sink += index.noteCount;
		},
		9,
		2,
		() => globalThis.gc?.(),
	);
	figures.push(
		figure(
			"index.full_build_ratio_vs_scan",
			build.subject / build.baseline,
			"×",
			3,
			`building the index of ${SITE_NOTES.toLocaleString()} notes (${mb} M characters) as the plugin does: ${(build.subject / 1000).toFixed(2)} s vs ${(build.baseline / 1000).toFixed(2)} s for a bare matchAll`,
		),
	);

	const before = heapBytes();
	const index = new CitationIndex();
	const indexer = indexerFor(vault, index);
	await indexer.build();
	const grown = heapBytes() - before;
	const videos = new Map<string, VideoRef>();
	for (const fm of vault.frontmatter.values()) {
		const v = resolveVideo(fm);
		if (v) videos.set(videoKey(v), v);
	}
	// And the videos citations name themselves (`data-v`, moment links), which the index keeps apart from their notes' own.
	for (const note of corpus) {
		for (const c of extractCitations(note.text)) if (c.video !== undefined) videos.set(videoKey(c.video), c.video);
	}
	const kept = indexedCitations(index, videos.values());
	figures.push(
		figure(
			"index.heap_ratio",
			grown / vault.utf16Bytes,
			"×",
			0.5,
			`heap the built index keeps, ${(grown / 1e6).toFixed(1)} MB (${(grown / kept.citations).toFixed(1)} B per citation: ${((kept.citations * PER_CITATION) / 1e6).toFixed(1)} MB the ${kept.citations.toLocaleString()} times and lines themselves, ${((grown - kept.citations * PER_CITATION) / kept.records).toFixed(0)} B per each of ${kept.records.toLocaleString()} records) vs the notes' text as UTF-16 (${(vault.utf16Bytes / 1e6).toFixed(0)} MB)`,
		),
	);

	const seedPath = vault.paths.find((p) => p.endsWith(SEED)) as string;
	const seedText = vault.texts.get(seedPath) as string;
	const seedVideo = resolveVideo(vault.frontmatter.get(seedPath)) as VideoRef;
	const entries = index.timeline(seedVideo).length;
	const updates: number[] = [];
	const reindex: number[] = [];
	for (let i = 0; i < 41; i++) {
		const edited = seedText.replace("00:46:51", i % 2 ? "00:46:52" : "00:46:51");
		const t = performance.now();
		indexer.noteChanged(seedPath, edited);
		const indexed = performance.now();
		sink += index.timeline(seedVideo).length;
		updates.push(performance.now() - t);
		reindex.push(indexed - t);
	}
	figures.push(
		figure(
			"index.update_ms",
			median(updates.slice(5)),
			"ms",
			null,
			`re-index one edited note (${median(reindex.slice(5)).toFixed(2)} ms) and re-read its video's timeline (${entries.toLocaleString()} citations in ${index.notesFor(seedVideo).length.toLocaleString()} notes, every copy of its corpus notes) in the ${SITE_NOTES.toLocaleString()}-note vault`,
		),
	);
	if (sink === -1) process.stdout.write(`${sink}\n`);
	return figures;
}
