/**
 * Measurements that run inside the playground page (passed to `page.evaluate`). Each function is
 * self-contained: it runs in the browser and can only use what the page exposes on
 * `window.playground`. Times are medians in milliseconds over alternating runs.
 */
import type { PlaygroundWindow } from "../playground/src/api";

/** The arguments and results of the in-page measurements. */
export interface PairResult {
	baseline: number;
	subject: number;
}

/**
 * Post-processing one rendered section of `markdown` (its body is one block) with the plugin's
 * registered post-processors, vs the least DOM work that gives the same accessible result:
 * `querySelectorAll('.yt-timestamp')`, reading each `data-t` and setting `role`, `tabindex` and
 * an `aria-label` on each. Each run gets fresh elements and a fresh note text, so nothing is
 * served from a cache.
 */
export function measureReading(args: { markdown: string; runs: number }): PairResult {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] as number;
	const lines = args.markdown.split("\n");
	const bodyStart = lines.indexOf("---", 1) + 2;
	const body = lines.slice(bodyStart).join("\n");
	const section = { lineStart: bodyStart, lineEnd: lines.length - 1 };
	const base: number[] = [];
	const subject: number[] = [];
	let sink = 0;
	for (let i = 0; i < args.runs + 3; i++) {
		const a = activeDocument.body.createDiv();
		a.appendChild(pg.render(body));
		let t = performance.now();
		for (const el of Array.from(a.querySelectorAll(".yt-timestamp"))) {
			const t = el.getAttribute("data-t") ?? "";
			el.setAttribute("role", "link");
			el.setAttribute("tabindex", "0");
			el.setAttribute("aria-label", `Play from ${t}`);
			sink += t.length;
		}
		const tb = performance.now() - t;
		a.remove();

		const b = activeDocument.body.createDiv();
		b.appendChild(pg.render(body));
		// A note's text as Obsidian holds it: one flat string (a concatenation would be flattened
		// by whoever reads it first, charging that copy to the post-processor).
		const text = new TextDecoder().decode(new TextEncoder().encode(`${args.markdown}\n<!-- run ${i} -->`));
		const children: { load(): void; unload(): void }[] = [];
		const ctx = {
			docId: `bench-${i}`,
			sourcePath: "bench/reading.md",
			frontmatter: { videoId: "aXGo1o_baBo" },
			addChild: (child: { load(): void; unload(): void }) => {
				children.push(child);
				child.load();
			},
			getSectionInfo: () => ({ text, ...section }),
		};
		t = performance.now();
		for (const pp of pg.app.markdownPostProcessors) void pp(b, ctx);
		const ts = performance.now() - t;
		if (b.querySelectorAll(".yt-timestamp[role=link]").length === 0) throw new Error("The post-processor made no links: is the plugin loaded?");
		for (const c of children) c.unload();
		b.remove();
		if (i >= 3) {
			base.push(tb);
			subject.push(ts);
		}
	}
	if (sink < 0) console.debug(sink);
	return { baseline: median(base), subject: median(subject) };
}

/**
 * Median time of a one-character edit in the open note's editor, from `dispatch` to laid out
 * (CodeMirror's measure pass run and layout read back), with the plugin's editor extensions
 * (`subject`) and without them (`baseline`), alternating in rounds. The edit is typed into the
 * prose of a line in the middle of the viewport and removed again between runs (untimed).
 */
export async function measureEditorEdit(args: { path: string; runs: number; compare: boolean }): Promise<PairResult> {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	const view = await pg.openNote(args.path, "live");
	const cm = view.editorView;
	if (!cm) throw new Error("No editor.");
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] as number;
	const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => resolve(null)));
	const measure = () => (cm as unknown as { measure(): void }).measure();
	const mid = cm.state.doc.line(Math.floor(cm.state.doc.lines / 2));
	cm.dispatch({ selection: { anchor: mid.from }, scrollIntoView: true });
	await frame();
	await frame();
	const saved = pg.app.editorExtensions.slice();
	const setExtensions = async (on: boolean) => {
		pg.app.editorExtensions.length = 0;
		if (on) pg.app.editorExtensions.push(...saved);
		pg.app.workspace.updateOptions();
		await frame();
		await frame();
	};
	const edit = async (): Promise<number> => {
		const line = cm.state.doc.lineAt(cm.state.selection.main.head);
		const at = line.from + Math.min(2, line.length);
		const t = performance.now();
		cm.dispatch({ changes: { from: at, insert: "x" }, selection: { anchor: at + 1 }, userEvent: "input.type" });
		measure();
		cm.contentDOM.getBoundingClientRect();
		const elapsed = performance.now() - t;
		await frame();
		cm.dispatch({ changes: { from: at, to: at + 1 }, selection: { anchor: at }, userEvent: "delete.backward" });
		measure();
		await frame();
		return elapsed;
	};
	const withExt: number[] = [];
	const without: number[] = [];
	const rounds = 6;
	const perRound = Math.ceil(args.runs / rounds);
	for (let r = 0; r < rounds; r++) {
		for (const on of args.compare ? [true, false] : [true]) {
			await setExtensions(on);
			for (let i = 0; i < 2; i++) await edit();
			for (let i = 0; i < perRound; i++) (on ? withExt : without).push(await edit());
		}
	}
	await setExtensions(true);
	return { baseline: args.compare ? median(without) : Number.NaN, subject: median(withExt) };
}

/** Starts a panel render: opens a new citations panel leaf beside the note (returns at once). */
export function startPanel(): void {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	const leaf = pg.app.workspace.getRightLeaf(false);
	leaf.containerEl.addClass("bench-panel");
	void leaf.setViewState({ type: "video-citations-panel", active: false });
}

/** Waits until the bench panel shows `rows` rows, then reads layout back; closes it when `close`. */
export async function finishPanel(args: { rows: number }): Promise<number> {
	const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => resolve(null)));
	const el = activeDocument.querySelector(".bench-panel");
	if (!el) throw new Error("No bench panel.");
	for (let i = 0; i < 2000; i++) {
		const n = el.querySelectorAll(".vc-panel-row").length;
		if (n >= args.rows) {
			el.getBoundingClientRect();
			return n;
		}
		await frame();
	}
	throw new Error("The panel never showed all rows.");
}

/** Closes the bench panel. */
export function closePanel(): void {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	for (const leaf of pg.app.workspace.leaves.filter((l) => l.containerEl.hasClass("bench-panel"))) leaf.detach();
}

/** The baseline: `rows` bare rows (one div with the claim text each) in a sidebar leaf, laid out. */
export function bareRows(args: { texts: string[] }): number {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	const leaf = pg.app.workspace.getRightLeaf(false);
	leaf.containerEl.addClass("bench-bare");
	const list = leaf.containerEl.createDiv();
	for (const text of args.texts) list.createDiv({ text });
	list.getBoundingClientRect();
	return list.childElementCount;
}

/** Removes the baseline's leaf. */
export function closeBare(): void {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	for (const leaf of pg.app.workspace.leaves.filter((l) => l.containerEl.hasClass("bench-bare"))) leaf.detach();
}

/**
 * The synchronous time of the plugin's `onload` on a fresh app: `load()` until its promise settles
 * (saved data resolves at once here, so only main-thread work is counted). Median of `runs`.
 */
export async function measureLoad(args: { runs: number }): Promise<number> {
	const pg = (window as unknown as Required<PlaygroundWindow>).playground;
	const AppClass = pg.app.constructor as new (doc: Document) => typeof pg.app;
	const PluginClass = pg.plugin.constructor as new (app: unknown, manifest: unknown) => typeof pg.plugin & { onload(): Promise<void> | void };
	const manifest = (pg.plugin as unknown as { manifest: unknown }).manifest;
	const times: number[] = [];
	for (let i = 0; i < args.runs + 3; i++) {
		const app = new AppClass(activeDocument);
		const plugin = new PluginClass(app, manifest);
		let done: unknown = null;
		const original = plugin.onload.bind(plugin);
		plugin.onload = () => {
			const result = original();
			done = result;
			return result;
		};
		const t = performance.now();
		plugin.load();
		await done;
		const elapsed = performance.now() - t;
		plugin.unload();
		if (i >= 3) times.push(elapsed);
	}
	return times.sort((a, b) => a - b)[times.length >> 1] as number;
}
