import { Marked, type Token, type TokenizerAndRendererExtension } from "marked";
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

/** Renders markdown to a sanitized fragment, as Obsidian's renderer and sanitizer do. */
export function renderToFragment(markdown: string, doc: Document = activeDocument): DocumentFragment {
	const html = marked.parse(markdown, { async: false });
	const purify = DOMPurify(doc.defaultView as Window & typeof globalThis);
	const frag = purify.sanitize(html, { RETURN_DOM_FRAGMENT: true, ADD_ATTR: ["data-t", "data-v", "data-href", "target"] });
	return doc.importNode(frag, true);
}

interface Section {
	lineStart: number;
	lineEnd: number;
	raw: string;
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
			sections.push({ lineStart: line, lineEnd: line + (trimmed.split("\n").length - 1), raw });
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
): HTMLElement[] {
	const fm = splitFrontmatter(text);
	let frontmatter: Record<string, unknown> | null = null;
	try {
		frontmatter = fm.yaml === null ? null : parseYaml(fm.yaml);
	} catch {
		frontmatter = null;
	}
	const infos = new WeakMap<HTMLElement, SectionInfo>();
	const sectionEls: HTMLElement[] = [];
	for (const section of splitSections(text)) {
		const el = containerEl.createDiv({ cls: "markdown-preview-section-block" });
		el.appendChild(renderToFragment(section.raw, containerEl.ownerDocument));
		infos.set(el, { text, lineStart: section.lineStart, lineEnd: section.lineEnd });
		sectionEls.push(el);
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
	for (const el of sectionEls) {
		for (const pp of ordered) {
			try {
				const r = pp(el, ctx);
				if (r instanceof Promise) r.catch((e: unknown) => console.error(e));
			} catch (e) {
				console.error(e);
			}
		}
	}
	return sectionEls;
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
