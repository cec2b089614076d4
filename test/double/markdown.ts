import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from "marked";
import DOMPurify from "dompurify";
import { Component } from "./component";
import { parseYaml, splitFrontmatter } from "./yaml";

/** Obsidian's `MarkdownRenderChild`: a component tied to a rendered element. */
export class MarkdownRenderChild extends Component {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

/** Section info as Obsidian's `MarkdownPostProcessorContext.getSectionInfo` returns it. */
export interface SectionInfo {
	text: string;
	lineStart: number;
	lineEnd: number;
}

/** A registered post-processor. */
export type PostProcessor = ((el: HTMLElement, ctx: PostProcessorContext) => unknown) & { sortOrder?: number };

/** The context handed to post-processors. */
export interface PostProcessorContext {
	docId: string;
	sourcePath: string;
	frontmatter: Record<string, unknown> | null | undefined;
	addChild(child: MarkdownRenderChild): void;
	getSectionInfo(el: HTMLElement): SectionInfo | null;
}

const wikilink: TokenizerAndRendererExtension = {
	name: "wikilink",
	level: "inline",
	start: (src: string) => src.indexOf("[["),
	tokenizer(src: string) {
		const m = /^\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/.exec(src);
		if (!m) return undefined;
		// Obsidian shows a link's subpath after " > " (`[[talk.mp4#t=90]]` reads "talk.mp4 > t=90").
		return { type: "wikilink", raw: m[0], target: (m[1] ?? "").trim(), display: (m[2] ?? (m[1] ?? "").replace("#", " > ")).trim() };
	},
	renderer(token) {
		const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
		const t = token as unknown as { target: string; display: string };
		return `<a class="internal-link" data-href="${esc(t.target)}" href="${esc(t.target)}">${esc(t.display)}</a>`;
	},
};

const marked = new Marked({ gfm: true, breaks: false, extensions: [wikilink] });

/**
 * Renders markdown to a sanitized fragment, as Obsidian's renderer and sanitizer do, then turns
 * image embeds of YouTube videos into Obsidian's own embed (see {@link renderExternalEmbeds}).
 */
export function renderToFragment(markdown: string, doc: Document = activeDocument): DocumentFragment {
	const html = marked.parse(markdown, { async: false });
	const purify = DOMPurify(doc.defaultView as Window & typeof globalThis);
	const frag = purify.sanitize(html, { RETURN_DOM_FRAGMENT: true, ADD_ATTR: ["data-t", "data-v", "data-href", "target"] });
	// Before the fragment joins the page's document, where an image would start loading its address.
	renderExternalEmbeds(frag);
	return doc.importNode(frag, true);
}

/**
 * Obsidian's external embeds, as far as this double knows them: an image embed of a YouTube
 * video (`![](https://www.youtube.com/watch?v=ID&t=N)`, `youtu.be/ID?t=N`) is replaced by
 * Obsidian's iframe of the embed page (the attributes Obsidian gives it), starting at `t` as
 * `?start=N`. Obsidian does this itself, after sanitizing, so the iframe is not the note's HTML.
 * Other embeds (tweets, web pages) stay images here.
 */
export function renderExternalEmbeds(root: DocumentFragment | HTMLElement): void {
	for (const img of Array.from(root.querySelectorAll("img"))) {
		const src = youtubeEmbedSrc(img.getAttribute("src") ?? "");
		if (!src) continue;
		const frame = img.ownerDocument.createElement("iframe");
		frame.className = "external-embed mod-receives-events";
		frame.setAttribute("sandbox", "allow-forms allow-presentation allow-same-origin allow-scripts allow-modals allow-popups");
		frame.setAttribute("allow", "fullscreen");
		frame.setAttribute("frameborder", "0");
		frame.setAttribute("src", src);
		img.replaceWith(frame);
	}
}

/** The embed page of a YouTube watch or short link, `null` for anything else. */
function youtubeEmbedSrc(address: string): string | null {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return null;
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") return null;
	const host = url.hostname.replace(/^(www|m)\./, "");
	const id = host === "youtube.com" && url.pathname === "/watch" ? url.searchParams.get("v") : host === "youtu.be" ? url.pathname.slice(1) : null;
	if (!id || !/^[A-Za-z0-9_-]{11}$/.test(id)) return null;
	const start = startSeconds(url.searchParams.get("t"));
	return `https://www.youtube.com/embed/${id}${start === null ? "" : `?start=${start}`}`;
}

/** `t=90`, `t=90s` or `t=1h2m3s` in whole seconds; `null` when absent or unreadable. */
function startSeconds(t: string | null): number | null {
	const m = t ? /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t) : null;
	if (!m || !t) return null;
	return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

interface Section {
	lineStart: number;
	lineEnd: number;
	raw: string;
	/** For a list: the line each of its items starts on. */
	itemLines?: number[];
}

/** A section of a rendered note: its element and the source lines it came from. */
export interface RenderedSection {
	el: HTMLElement;
	lineStart: number;
	lineEnd: number;
	/** For a list: the line each of its items starts on. */
	itemLines?: number[];
}

/** Splits a note's body into Obsidian-like top-level sections with their source lines. */
export function splitSections(text: string): Section[] {
	const fm = splitFrontmatter(text);
	const bodyLine = fm.yaml === null ? 0 : fm.endLine + 1;
	const body = text.slice(fm.bodyStart);
	const tokens: Token[] = marked.lexer(body);
	const sections: Section[] = [];
	let line = bodyLine;
	for (const token of tokens) {
		const raw = token.raw;
		const newlines = raw.split("\n").length - 1;
		if (token.type !== "space") {
			const trimmed = raw.replace(/\n+$/, "");
			const section: Section = { lineStart: line, lineEnd: line + (trimmed.split("\n").length - 1), raw };
			if (token.type === "list") {
				let at = line;
				section.itemLines = (token as Tokens.List).items.map((item) => {
					const start = at;
					at += item.raw.split("\n").length - 1;
					return start;
				});
			}
			sections.push(section);
		}
		line += newlines;
	}
	return sections;
}

/**
 * Renders a note into `containerEl` section by section, then runs `postProcessors` on each
 * section with a context whose `getSectionInfo` answers like Obsidian's.
 */
export function renderNote(
	text: string,
	containerEl: HTMLElement,
	sourcePath: string,
	postProcessors: readonly PostProcessor[],
	owner: Component,
): RenderedSection[] {
	const fm = splitFrontmatter(text);
	let frontmatter: Record<string, unknown> | null = null;
	try {
		frontmatter = fm.yaml === null ? null : parseYaml(fm.yaml);
	} catch {
		frontmatter = null;
	}
	const infos = new WeakMap<HTMLElement, SectionInfo>();
	const rendered: RenderedSection[] = [];
	for (const section of splitSections(text)) {
		const el = containerEl.createDiv({ cls: "markdown-preview-section-block" });
		el.appendChild(renderToFragment(section.raw, containerEl.ownerDocument));
		infos.set(el, { text, lineStart: section.lineStart, lineEnd: section.lineEnd });
		rendered.push({ el, lineStart: section.lineStart, lineEnd: section.lineEnd, itemLines: section.itemLines });
	}
	const ctx: PostProcessorContext = {
		docId: Math.random().toString(36).slice(2),
		sourcePath,
		frontmatter,
		addChild: (child) => owner.addChild(child),
		getSectionInfo(el) {
			let node: HTMLElement | null = el;
			while (node) {
				const info = infos.get(node);
				if (info) return info;
				node = node.parentElement;
			}
			return null;
		},
	};
	const ordered = [...postProcessors].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
	for (const { el } of rendered) {
		for (const pp of ordered) {
			try {
				const r = pp(el, ctx);
				if (r instanceof Promise) r.catch((e: unknown) => console.error(e));
			} catch (e) {
				console.error(e);
			}
		}
	}
	return rendered;
}

/** Renders markdown for `MarkdownRenderer.render` (no section info, as for embeds). */
export function renderFragmentWithProcessors(
	markdown: string,
	el: HTMLElement,
	sourcePath: string,
	postProcessors: readonly PostProcessor[],
	owner: Component,
): void {
	el.appendChild(renderToFragment(markdown, el.ownerDocument));
	const ctx: PostProcessorContext = {
		docId: Math.random().toString(36).slice(2),
		sourcePath,
		frontmatter: null,
		addChild: (child) => owner.addChild(child),
		getSectionInfo: () => null,
	};
	for (const pp of postProcessors) pp(el, ctx);
}
