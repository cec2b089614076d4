import { markdownKeymap, markdownLanguage, pasteURLAsLink } from "@codemirror/lang-markdown";
import { Language, LanguageSupport } from "@codemirror/language";
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import type { Element, MarkdownConfig, MarkdownParser } from "@lezer/markdown";

const FENCE = /^\ufeff?---\s*$/;

/**
 * Obsidian's frontmatter: a `---` fence on the note's first line, the YAML, and a closing `---`
 * line. Parsed as one `Frontmatter` block (fences are `FrontmatterMark`s) before anything else can
 * read it, so its closing fence is not taken for a setext heading's underline.
 */
const frontmatter: MarkdownConfig = {
	defineNodes: [{ name: "Frontmatter", block: true }, "FrontmatterMark"],
	parseBlock: [
		{
			name: "Frontmatter",
			before: "HorizontalRule",
			parse(cx, line) {
				if (cx.lineStart !== 0 || !FENCE.test(line.text)) return false;
				const marks: Element[] = [cx.elt("FrontmatterMark", line.text.indexOf("-"), line.text.indexOf("-") + 3)];
				let end = line.text.length;
				while (cx.nextLine()) {
					end = cx.lineStart + line.text.length;
					if (FENCE.test(line.text)) {
						marks.push(cx.elt("FrontmatterMark", cx.lineStart, cx.lineStart + 3));
						cx.nextLine();
						break;
					}
				}
				cx.addElement(cx.elt("Frontmatter", 0, end, marks));
				return true;
			},
		},
	],
};

/**
 * Obsidian's internal links, `[[target]]` and `[[target|shown text]]`, on one line: a `WikiLink`
 * whose brackets are `WikiLinkMark`s and whose `target|` (when the link shows other text) is a
 * `WikiLinkTarget`.
 */
const wikiLinks: MarkdownConfig = {
	defineNodes: ["WikiLink", "WikiLinkMark", "WikiLinkTarget"],
	parseInline: [
		{
			name: "WikiLink",
			before: "Link",
			parse(cx, next, pos) {
				if (next !== 91 /* [ */ || cx.char(pos + 1) !== 91) return -1;
				const m = /^([^[\]|\n]+)(\|[^[\]\n]*)?\]\]/.exec(cx.slice(pos + 2, cx.end));
				if (!m) return -1;
				const end = pos + 2 + m[0].length;
				const children = [cx.elt("WikiLinkMark", pos, pos + 2)];
				if (m[2] !== undefined) children.push(cx.elt("WikiLinkTarget", pos + 2, pos + 3 + (m[1] ?? "").length));
				children.push(cx.elt("WikiLinkMark", end - 2, end));
				return cx.addElement(cx.elt("WikiLink", pos, end, children));
			},
		},
	],
};

/**
 * CodeMirror's markdown language as Obsidian's editor reads notes: GFM (tables, strikethrough,
 * task lists, bare URLs) plus frontmatter and `[[internal links]]`. Enter continues a list or a
 * quote, as in Obsidian; no HTML tag completion (Obsidian has none).
 *
 * Built from `markdownLanguage` itself rather than `markdown()`, which also parses every HTML tag
 * as a nested HTML document: that re-walked the whole syntax tree on each keystroke (about 150 ms
 * in a 2 MB note of timestamp anchors, where Obsidian's own editor stays quick) to build trees
 * nothing here reads.
 */
export function obsidianMarkdown(): LanguageSupport {
	const parser = (markdownLanguage.parser as MarkdownParser).configure([frontmatter, wikiLinks]);
	return new LanguageSupport(new Language(markdownLanguage.data, parser, [], "markdown"), [pasteURLAsLink, Prec.high(keymap.of(markdownKeymap))]);
}
