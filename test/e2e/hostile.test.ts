/**
 * The hostile notes (issue 10, test/fixtures/hostile/) in real Chromium: the jsdom suite
 * (test/hostile/injection.test.ts) proves the DOM the plugin builds; here the browser itself
 * parses, loads, lays out and runs it. Every note is served from a temporary vault by a playground
 * server of its own, opened in reading view, Live Preview and source mode, and every seek link,
 * chip and source mark is hovered, focused, clicked and Mod-clicked with the mouse; the panel's
 * chips and rows are clicked; the player is opened. Then: no dialog, no console or page error
 * (the harness's checks), no request but the playground's own files, the vault's files and the
 * fake YouTube's script and embed pages for an id the note names, nothing handed to `window.open`
 * but a YouTube watch address of such an id, and a DOM audit of the whole page (no handler
 * attribute anywhere, no foreign script, no frame or media source built from the note, no
 * script-carrying URL on an element the plugin made). Notes are batched a few to a page (a page
 * load costs 2–3 s); opening each note must fetch nothing before a click.
 * Two faults only a browser shows: the YouTube script failing for want of a network, and a vault
 * file gone from the server. And the side player switching to a newly opened note's network
 * video without fetching it before a click.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT, startPlayground, type PlaygroundServer } from "../../playground/server/server";
import { editorElements, targetEditorElement } from "./harness/editor";
import { fakeYouTube } from "./harness/fakeYouTube";
import { DEMO_VAULT, describeInBrowser, runCommand, usePlayground, type PlaygroundWindow, type Session } from "./harness/playground";

const HOSTILE_DIR = join(REPO_ROOT, "test", "fixtures", "hostile");
const NOTES = readdirSync(HOSTILE_DIR)
	.filter((name) => name.endsWith(".md") && name !== "README.md")
	.sort()
	.map((name) => ({ name, path: `hostile/${name}`, text: readFileSync(join(HOSTILE_DIR, name), "utf8") }));

/** The notes by page: a fresh page per group, the notes of a group opened one after another in it (a page load costs 2–3 s). */
const GROUPS = Array.from({ length: Math.ceil(NOTES.length / 6) }, (_, i) => NOTES.slice(i * 6, i * 6 + 6));

/** Notes of the fault cases, written next to the hostile ones. */
const GONE_MEDIA_NOTE = "faults/gone-media.md";
const GONE_MEDIA = "media/gone.webm";
/** A clean note of another YouTube video than the hostile notes' `aXGo1o_baBo`. */
const OTHER_VIDEO_NOTE = "faults/other-video.md";
const OTHER_VIDEO_TEXT = `---\nvideoId: hEzpiDuYFoE\n---\nA claim <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.\n`;

/** The IFrame API script, as the plugin loads it (a retry asks with `?attempt=N`, so no hung request is reused). */
const IFRAME_API = "https://www.youtube.com/iframe_api";
const IFRAME_API_ADDRESS = /^https:\/\/www\.youtube\.com\/iframe_api(?:\?attempt=\d+)?$/;
/** An embed page of an 11-character id, on either YouTube host. */
const EMBED = /^https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{11})(?:[?#]|$)/;
/** What "Open in YouTube" and a Mod-click hand the browser: youtube.com's watch address, whole seconds. */
const WATCH = /^https:\/\/www\.youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})(?:&t=\d+s)?$/;
/** What the citations panel lets a person click: each moment's chip and each row's text. */
const PANEL_TARGETS = ".mod-right-split .vc-panel .vc-panel-chip, .mod-right-split .vc-panel .vc-panel-text";

/** The playground's own files (besides the vault's under /vault/). */
const OWN_PATHS = new Set(["/", "/index.html", "/obsidian-theme.css", "/playground.css", "/dist/host.js", "/dist/host.js.map", "/main.js", "/styles.css", "/manifest.json", "/api/vault", "/favicon.ico"]);

/** The http(s) addresses the note's frontmatter gives (`video: https://…`), as the browser writes them. */
function mediaNamedIn(text: string): string[] {
	const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
	const urls: string[] = [];
	for (const line of front.split(/\r?\n/)) {
		const value = /^\s*[\w-]+:\s*(.*)$/.exec(line)?.[1]?.trim().replace(/^'(.*)'$|^"(.*)"$/, "$1$2") ?? "";
		if (/^https?:\/\//i.test(value)) urls.push(new URL(value).href);
	}
	return urls;
}

/** The ids the player may embed for a note: each run of exactly 11 id characters in its text. */
function idsNamedIn(text: string): string[] {
	return [...new Set([...text.matchAll(/[A-Za-z0-9_-]+/g)].map((m) => m[0]).filter((id) => id.length === 11))];
}

const stats = { notes: 0, reading: 0, live: 0, source: 0, panel: 0, undrawn: 0, requests: 0, audited: 0 };

/** One short action timeout: an element that cannot be clicked fails fast, not after 30 s. */
const ACT = { timeout: 3_000 };

/** Where a person would point at the tagged element (`[data-e2e-target]`), and whether anything covers it there. */
interface Point {
	x: number;
	y: number;
	/** The element is drawn (an empty link or one in collapsed markup is not). */
	drawn: boolean;
	/** What lies on top of it at that point, if something else does. */
	covered: string | null;
}

/**
 * Tags one element `[data-e2e-target]` (only it) with `tag`, dismisses the notices a click may have
 * left over it (a click on a notice closes it, as in Obsidian), focuses it, and returns the middle
 * of its first line box. Coordinates, not the element: the plugin may draw the element anew
 * (the playing moment moves on), and the new one sits where the old one was.
 */
async function aim(page: Page, tag: () => Promise<boolean>): Promise<Point> {
	// The element may be drawn anew between tagging and reading it (the playing moment moves on): tag again.
	for (let attempt = 0; attempt < 5; attempt++) {
		if (!(await tag())) throw new Error("the element to press is not drawn");
		const point = await page.evaluate(() => {
			for (const notice of Array.from(document.querySelectorAll<HTMLElement>(".playground-notices .notice"))) notice.click();
			const el = document.querySelector<HTMLElement>("[data-e2e-target]");
			if (!el) return null;
			el.focus();
			const box = el.getClientRects()[0];
			if (!box || box.width === 0 || box.height === 0) return { x: 0, y: 0, drawn: false, covered: null };
			const x = box.left + box.width / 2;
			const y = box.top + box.height / 2;
			const hit = document.elementFromPoint(x, y);
			const covered = hit && (el.contains(hit) || hit.contains(el)) ? null : `<${hit?.tagName.toLowerCase() ?? "nothing"} class="${hit?.className ?? ""}">`;
			return { x, y, drawn: true, covered };
		});
		if (point) return point;
	}
	throw new Error("the element to press is drawn anew each time it is found");
}

/**
 * Points at, focuses, clicks and then Mod-clicks the element `tag` marks, with the mouse, as a
 * person would. An element the browser does not draw gets the same events dispatched instead.
 */
async function poke(page: Page, tag: () => Promise<boolean>): Promise<void> {
	for (const mod of [false, true]) {
		const at = await aim(page, tag);
		if (!at.drawn) {
			if (!mod) stats.undrawn++;
			await page.evaluate((ctrl) => {
				const el = document.querySelector("[data-e2e-target]");
				el?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
				el?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, ctrlKey: ctrl }));
				el?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: ctrl }));
			}, mod);
			continue;
		}
		if (at.covered) throw new Error(`the element to press is covered by ${at.covered}`);
		await page.mouse.move(at.x, at.y);
		if (mod) await page.keyboard.down("ControlOrMeta");
		await page.mouse.click(at.x, at.y);
		if (mod) await page.keyboard.up("ControlOrMeta");
	}
}

/** Tags the `index`th element matching `selector`, scrolled to the middle of its scroller. */
function nth(page: Page, selector: string, index: number): () => Promise<boolean> {
	return () =>
		page.evaluate(
			({ sel, i }) => {
				for (const old of Array.from(document.querySelectorAll("[data-e2e-target]"))) old.removeAttribute("data-e2e-target");
				const el = document.querySelectorAll(sel)[i];
				if (!el) return false;
				el.setAttribute("data-e2e-target", "");
				el.scrollIntoView({ block: "center" });
				return true;
			},
			{ sel: selector, i: index },
		);
}

/** Pokes every element matching `selector` in a view that draws them all (reading view, the panel). */
async function pokeAll(page: Page, selector: string): Promise<number> {
	const count = await page.locator(selector).count();
	for (let i = 0; i < count; i++) await poke(page, nth(page, selector, i));
	return count;
}

/** Moves the editor's cursor to the document's start, so no chip or mark is open for editing. */
async function parkCursor(page: Page): Promise<void> {
	await page.evaluate(() => {
		const view = (window as unknown as PlaygroundWindow).playground.noteView()?.editorView;
		view?.dispatch({ selection: { anchor: 0 } });
	});
}

/** Opens the note at `path` in the main leaf in reading view, as a click on its name would, and waits for it to draw. */
async function openNote(page: Page, path: string): Promise<void> {
	await page.evaluate(async (p) => {
		await (window as unknown as PlaygroundWindow).playground.openNote(p, "reading");
		await new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done)));
	}, path);
}

/** Switches the open note's mode and waits two frames for the view to draw. */
async function setMode(page: Page, mode: "reading" | "live" | "source"): Promise<void> {
	await page.evaluate(async (m) => {
		(window as unknown as PlaygroundWindow).playground.setMode(m);
		await new Promise((done) => window.requestAnimationFrame(() => window.requestAnimationFrame(done)));
	}, mode);
}

/** Pokes every element matching `selector` in the editor (Live Preview or source mode), screen by screen. */
async function pokeEditor(page: Page, selector: string): Promise<number> {
	await parkCursor(page);
	const found = await editorElements(page, selector);
	for (const { pos } of found) {
		await poke(page, async () => {
			await parkCursor(page);
			return targetEditorElement(page, selector, pos);
		});
	}
	return found.length;
}

/** What the page may hold and ask for: its origin, the vault's files, the YouTube ids the note names. */
interface Allowed {
	origin: string;
	vaultFiles: string[];
	ids: string[];
	/** http(s) media the note's frontmatter names: the player may play them (after a click). */
	media: string[];
	/** What the note's own markup loads when rendered without the plugin (`<img src=x>` asks the page's origin for /x). */
	markup: string[];
}

/**
 * Every request the page made that is not one of the playground's own files, a file of the vault,
 * the IFrame API script, or an embed page of an id the note names.
 */
function requestProblems(requests: string[], allowed: Allowed): string[] {
	const problems: string[] = [];
	for (const address of requests) {
		const url = new URL(address);
		if (url.origin === allowed.origin) {
			if (OWN_PATHS.has(url.pathname)) continue;
			if (url.pathname.startsWith("/vault/") && allowed.vaultFiles.includes(decodeURIComponent(url.pathname.slice("/vault/".length)))) continue;
			if (allowed.markup.includes(address)) continue;
			problems.push(`request to ${address}: not a playground or vault file`);
		} else if (IFRAME_API_ADDRESS.test(address) || allowed.media.includes(address)) continue;
		else {
			const id = EMBED.exec(address)?.[1];
			if (id && allowed.ids.includes(id)) continue;
			problems.push(`request to ${address}`);
		}
	}
	return problems;
}

/**
 * The DOM audit, in the page: any `on*` attribute on any element; a `<script>` that is not the
 * playground's, the plugin's or the IFrame API; an iframe, frame, media element or media source,
 * object or embed whose address is neither a vault file, nor a page of the playground, nor a
 * YouTube embed of a named id; a `javascript:`, `data:` or `vbscript:` address on an element
 * with the plugin's classes (`yt-timestamp`, `vc-*`) or on a frame or media element of any kind.
 */
function auditPage(page: Page, allowed: Allowed): Promise<string[]> {
	return page.evaluate(({ origin, vaultFiles, ids, media, iframeApi }) => {
		const apiScript = new RegExp(iframeApi);
		const problems: string[] = [];
		const embed = /^https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{11})(?:[?#]|$)/;
		const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "srcset", "srcdoc"];
		/** The scheme as the browser reads it: controls and spaces dropped, lower case. */
		const dangerous = (value: string) => /^(javascript|data|vbscript):/.test(Array.from(value).filter((ch) => (ch.codePointAt(0) ?? 0) > 0x20 && !/[\u007f-\u009f]/.test(ch)).join("").toLowerCase());
		const describe = (el: Element) => `<${el.tagName.toLowerCase()}${Array.from(el.classList).map((c) => `.${c}`).join("")}>`;
		const vaultUrl = (src: string) => vaultFiles.some((f) => new URL(`/vault/${f.split("/").map(encodeURIComponent).join("/")}`, origin).href === src);
		const sourceOk = (el: Element, attr: string) => {
			const raw = el.getAttribute(attr);
			if (raw === null || raw === "") return true;
			let url: URL;
			try {
				url = new URL(raw, document.baseURI);
			} catch {
				return false;
			}
			if (url.href === "about:blank") return true;
			if (vaultUrl(url.href)) return true;
			if (media.includes(url.href) && ["video", "audio"].includes(el.tagName.toLowerCase())) return true;
			const id = embed.exec(url.href)?.[1];
			if (id) return ids.includes(id);
			// The plugin's own frames and media take nothing else; the note's own markup may point at the playground.
			const plugin = Array.from(el.classList).some((c) => c.startsWith("vc-"));
			return !plugin && url.origin === origin;
		};
		const docs: Document[] = [document];
		// Same-origin frames (the pop-out document) are audited too; a YouTube embed is cross-origin
		// (no contentDocument) and audited by its address.
		for (const frame of Array.from(document.querySelectorAll("iframe"))) if (frame.contentDocument) docs.push(frame.contentDocument);
		for (const doc of docs) {
			for (const el of Array.from(doc.querySelectorAll("*"))) {
				const tag = el.tagName.toLowerCase();
				const plugin = Array.from(el.classList).some((c) => c === "yt-timestamp" || c.startsWith("vc-"));
				for (const attr of Array.from(el.attributes)) {
					const name = attr.name.toLowerCase();
					if (name.startsWith("on")) problems.push(`${describe(el)} has the handler attribute ${attr.name}="${attr.value}"`);
					if (urlAttributes.includes(name) && (plugin || ["iframe", "frame", "video", "audio", "source", "embed", "object", "script"].includes(tag)) && dangerous(attr.value)) {
						problems.push(`${describe(el)} has ${attr.name}="${attr.value}"`);
					}
				}
				if (tag === "script") {
					const src = (el as HTMLScriptElement).src;
					if (src !== new URL("/dist/host.js", origin).href && src !== new URL("/main.js", origin).href && !apiScript.test(src)) problems.push(`${describe(el)} should not exist (src "${src}")`);
				}
				if (["iframe", "frame", "video", "audio", "source", "track", "embed"].includes(tag) && !sourceOk(el, "src")) problems.push(`${describe(el)} loads ${el.getAttribute("src") ?? ""}`);
				if (tag === "object" && !sourceOk(el, "data")) problems.push(`${describe(el)} loads ${el.getAttribute("data") ?? ""}`);
				if ((tag === "video" || tag === "audio") && (el as HTMLMediaElement).currentSrc && !vaultUrl((el as HTMLMediaElement).currentSrc) && !media.includes((el as HTMLMediaElement).currentSrc)) problems.push(`${describe(el)} plays ${(el as HTMLMediaElement).currentSrc}`);
			}
		}
		return problems;
	}, { ...allowed, iframeApi: IFRAME_API_ADDRESS.source });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Answers the http(s) media the note's frontmatter names with the demo clip: the player may play
 * a video a note names at any address (after a click), and the suite has no internet.
 */
async function serveNamedMedia(page: Page, allowed: Allowed): Promise<void> {
	if (!allowed.media.length) return;
	const clip = readFileSync(join(DEMO_VAULT, "media", "clip.webm"));
	await page.route(
		(url) => allowed.media.includes(url.href),
		(route) => route.fulfill({ status: 200, contentType: "video/webm", body: clip }),
	);
}

/**
 * Drops Chromium's own console line for a file the note's markup asks for and the playground does
 * not have (`<img src=x>` rendered by Obsidian's renderer, not by the plugin: a 404 for /x).
 */
function allowMarkupLoads(session: Session, allowed: Allowed): void {
	for (const url of allowed.markup) session.allow(new RegExp(`^console error: Failed to load resource: the server responded with a status of 404 \\(Not Found\\) \\(${escapeRegExp(url)}\\)$`));
}

/** What was handed to `window.open` that is not a YouTube watch address of a named id. */
async function openedProblems(session: Session, allowed: Allowed): Promise<string[]> {
	return (await session.opened()).filter((url) => !allowed.ids.includes(WATCH.exec(url)?.[1] ?? "")).map((url) => `window.open(${url})`);
}

describeInBrowser("hostile notes in Chromium", () => {
	const playground = usePlayground();
	let vault = "";
	let server: PlaygroundServer | null = null;
	let vaultFiles: string[] = [];

	beforeAll(async () => {
		vault = mkdtempSync(join(tmpdir(), "vc-hostile-vault-"));
		mkdirSync(join(vault, "hostile"));
		mkdirSync(join(vault, "media"));
		mkdirSync(join(vault, "faults"));
		for (const note of NOTES) writeFileSync(join(vault, note.path), note.text);
		copyFileSync(join(DEMO_VAULT, "media", "clip.webm"), join(vault, "media", "clip.webm"));
		copyFileSync(join(DEMO_VAULT, "media", "clip.webm"), join(vault, GONE_MEDIA));
		writeFileSync(join(vault, GONE_MEDIA_NOTE), `---\nvideo: ${GONE_MEDIA}\n---\nA claim <a class="yt-timestamp" data-t="00:00:10">[00:00:10]</a>.\n`);
		writeFileSync(join(vault, OTHER_VIDEO_NOTE), OTHER_VIDEO_TEXT);
		vaultFiles = [...NOTES.map((n) => n.path), "media/clip.webm", GONE_MEDIA, GONE_MEDIA_NOTE, OTHER_VIDEO_NOTE];
		server = await startPlayground({ vault });
	});

	afterAll(async () => {
		await server?.close();
		if (vault) rmSync(vault, { recursive: true, force: true });
		process.stdout.write(
			`[hostile] browser: ${stats.notes} notes; poked ${stats.reading} reading-view links, ${stats.live} Live Preview chips, ${stats.source} source marks, ${stats.panel} panel chips and rows (${stats.undrawn} of them not drawn, so pressed by dispatched events); ${stats.requests} requests checked; ${stats.audited} DOM audits\n`,
		);
	});

	/** What the page may load and hold for notes `texts`; the markup part is read from the page's own renderer. */
	const allowedFor = async (page: Page, texts: string[]): Promise<Allowed> => ({
		origin: new URL(server?.url ?? "http://127.0.0.1/").origin,
		vaultFiles,
		ids: texts.flatMap(idsNamedIn),
		media: texts.flatMap(mediaNamedIn),
		markup: await page.evaluate(
			(bodies) =>
				bodies.flatMap((body) =>
					Array.from((window as unknown as PlaygroundWindow).playground.render(body).querySelectorAll("[src]")).map((el) => new URL(el.getAttribute("src") ?? "", document.baseURI).href),
				),
			texts.map((t) => t.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---/, "")),
		),
	});

	it.each(GROUPS.map((group) => [group.map((n) => n.name.replace(/\.md$/, "")).join(", "), group] as const))(
		"%s: every view, the panel and the player; nothing runs, loads or opens from the notes",
		async (_names, group) => {
			const first = group[0];
			if (!first) throw new Error("empty group");
			const session = await playground.open({ base: server?.url, note: first.path, mode: "reading" });
			const { page } = session;
			const all = await allowedFor(page, group.map((n) => n.text));
			await serveNamedMedia(page, all);
			const problems: string[] = [];
			let allowed = await allowedFor(page, []);
			try {
				for (const [i, note] of group.entries()) {
					// What the page may hold now: what this note and the ones before it on the page name.
					allowed = await allowedFor(page, group.slice(0, i + 1).map((n) => n.text));
					const mark = i === 0 ? 0 : session.requests.length;
					if (i > 0) {
						await openNote(page, note.path);
						await page.waitForTimeout(300);
					}
					// Opening a note asks nothing of YouTube or of a host the note names, on a fresh page
					// or with the side player holding the previous note's video: only a click does.
					const early = session.requests.slice(mark).filter((url) => IFRAME_API_ADDRESS.test(url) || EMBED.test(url) || allowed.media.includes(url));
					problems.push(...early.map((url) => `${note.name}: requested on opening the note, before any click: ${url}`));
					const audit = async (where: string) => {
						stats.audited++;
						problems.push(...(await auditPage(page, allowed)).map((p) => `${note.name}, ${where}: ${p}`));
					};

					// Reading view: every .yt-timestamp the renderer kept, link or not.
					stats.reading += await pokeAll(page, ".markdown-reading-view .yt-timestamp");
					await audit("reading view");

					// Live Preview: every chip, then source mode: every mark.
					await setMode(page, "live");
					stats.live += await pokeEditor(page, ".vc-chip");
					await audit("Live Preview");
					await setMode(page, "source");
					stats.source += await pokeEditor(page, ".vc-source-timestamp");
					await audit("source mode");

					// The panel (this note's citations): every chip and every row's text.
					stats.panel += await pokeAll(page, PANEL_TARGETS);
					await audit("panel");

					// The player on the note's video, when it names one, back in reading view.
					await setMode(page, "reading");
					const canOpen = await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.commands.isAvailable("video-citations:open-player"));
					if (canOpen) await runCommand(page, "Open player for this note");
					// Let a player finish loading (the fake YouTube answers at once, the clip in a moment).
					await expect.poll(() => page.locator(".vc-player.is-loading").count(), { timeout: 10_000 }).toBe(0);
					await page.waitForTimeout(100);
					await audit("player");
					stats.notes++;
				}
			} finally {
				// Chromium's own line for a file the notes' markup asks for: expected, whatever else fails.
				allowMarkupLoads(session, all);
			}
			problems.push(...requestProblems(session.requests, allowed), ...(await openedProblems(session, allowed)));
			stats.requests += session.requests.length;
			expect(problems).toEqual([]);
		},
		120_000,
	);

	it("the whole vault's citations in the panel: every chip and row of every hostile note", async () => {
		const session = await playground.open({ base: server?.url, note: NOTES[0]?.path, mode: "source" });
		const { page } = session;
		const allowed = await allowedFor(page, NOTES.map((n) => n.text));
		await serveNamedMedia(page, allowed);
		await page.locator(".mod-right-split .vc-panel-scope[data-scope=vault]").click(ACT);
		await expect.poll(() => page.locator(PANEL_TARGETS).count()).toBeGreaterThan(NOTES.length);
		stats.panel += await pokeAll(page, PANEL_TARGETS);
		stats.audited++;
		expect([...(await auditPage(page, allowed)), ...requestProblems(session.requests, allowed), ...(await openedProblems(session, allowed))]).toEqual([]);
		allowMarkupLoads(session, allowed);
	});

	it("without a network the YouTube script fails into the error panel with Retry (on a hostile note), and Retry plays once it answers", async () => {
		const note = NOTES.find((n) => n.name === "attribute-breakout.md");
		if (!note) throw new Error("attribute-breakout.md is missing");
		const session = await playground.open({ base: server?.url, note: note.path, mode: "reading", youtube: { script: "fail" } });
		const { page } = session;
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:03" }).click(ACT);
		const panel = page.locator(".vc-player-view .vc-player-error");
		await expect.poll(() => panel.isVisible(), { timeout: 10_000 }).toBe(true);
		expect(await panel.locator(".vc-player-error-message").innerText()).toBe("The YouTube player could not be downloaded. Check your internet connection, then retry.");
		expect(await panel.getByRole("button").allInnerTexts()).toEqual(["Retry", "Open in YouTube at 0:03"]);
		expect(session.youtubeRequests.filter((url) => IFRAME_API_ADDRESS.test(url)), "one try").toHaveLength(1);
		// Chromium's own line for the failed download; the plugin logged nothing.
		session.allow(new RegExp(`^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED \\(${escapeRegExp(IFRAME_API)}\\)$`));
		const allowed = await allowedFor(page, [note.text]);
		expect(await auditPage(page, allowed)).toEqual([]);

		session.youtube.set({ script: "ok" });
		await panel.getByRole("button", { name: "Retry" }).click(ACT);
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
		expect(await panel.isVisible()).toBe(false);
		expect([...(await auditPage(page, allowed)), ...requestProblems(session.requests, allowed)]).toEqual([]);
		expect(session.youtubeRequests.filter((url) => IFRAME_API_ADDRESS.test(url)), "Retry asked again").toHaveLength(2);
		allowMarkupLoads(session, allowed);
	});

	it("a vault video gone from the server (404) shows the player's error message", async () => {
		const session = await playground.open({ base: server?.url, note: GONE_MEDIA_NOTE, mode: "reading" });
		const { page } = session;
		// The vault listed it when the page loaded; now the file is gone, as when it is deleted outside Obsidian.
		rmSync(join(vault, GONE_MEDIA));
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]").first().click(ACT);
		const message = page.locator(".vc-player-view .vc-player-error .vc-player-error-message");
		await expect.poll(() => message.isVisible(), { timeout: 10_000 }).toBe(true);
		expect(await message.innerText()).toBe(`"${GONE_MEDIA}" could not be played: the file is missing or its format is not supported on this device.`);
		const gone = new URL(`/vault/${GONE_MEDIA}`, server?.url).href;
		expect(session.requests).toContain(gone);
		expect(await auditPage(page, await allowedFor(page, []))).toEqual([]);
		// Chromium's own line for the 404; the plugin logged nothing.
		session.allow(new RegExp(`^console error: Failed to load resource: the server responded with a status of 404 \\(Not Found\\) \\(${escapeRegExp(gone)}\\)$`));
	});
	/**
	 * Once the side player holds a video, opening a note that names another one switches the player
	 * to it ("When the active note has another video: Switch to it", the default) without loading
	 * it: a web video from the host the note names (here a YouTube lookalike,
	 * www.youtube.com.evil.example) or a YouTube embed waits behind a poster for a click. (This was
	 * a bug this case caught: a shared note learned the reader's address when merely opened.)
	 */
	it("with the side player open, opening a note that names other web media or another YouTube video fetches nothing before a click", async () => {
		const start = NOTES.find((n) => n.name === "bom-frontmatter.md");
		const lookalike = NOTES.find((n) => n.name === "frontmatter-youtube-lookalike-hosts.md");
		if (!start || !lookalike) throw new Error("fixture notes are missing");
		const session = await playground.open({ base: server?.url, note: start.path, mode: "reading" });
		const { page } = session;
		const allowed = await allowedFor(page, [start.text, lookalike.text, OTHER_VIDEO_TEXT]);
		await serveNamedMedia(page, allowed);
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:21" }).click(ACT);
		await expect.poll(async () => (await fakeYouTube(page)).players.length, { timeout: 10_000 }).toBe(1);

		let mark = session.requests.length;
		await openNote(page, lookalike.path);
		await page.waitForTimeout(500);
		const web = session.requests.slice(mark).filter((url) => allowed.media.includes(url));
		mark = session.requests.length;
		await openNote(page, OTHER_VIDEO_NOTE);
		await page.waitForTimeout(500);
		const youtube = session.requests.slice(mark).filter((url) => EMBED.test(url));
		expect({ web, youtube }).toEqual({ web: [], youtube: [] });
	});
});
