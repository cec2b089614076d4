import { syntaxTree } from "@codemirror/language";
import { Prec, type EditorState, type Range } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { SyntaxNode } from "@lezer/common";
import { editorLivePreviewField } from "../../../test/double/editor";

/** Hides markup: a replace decoration without a widget, made once. */
const HIDE = Decoration.replace({});

/** Made once per class (Obsidian's class names), as CodeMirror likes its decorations. */
function cached(make: (cls: string) => Decoration): (cls: string) => Decoration {
	const made = new Map<string, Decoration>();
	return (cls) => {
		let deco = made.get(cls);
		if (!deco) made.set(cls, (deco = make(cls)));
		return deco;
	};
}
const mark = cached((cls) => Decoration.mark({ class: cls }));
const line = cached((cls) => Decoration.line({ class: cls }));

/** The rule Live Preview draws for a `---` line away from the cursor. */
class RuleWidget extends WidgetType {
	override eq(): boolean {
		return true;
	}
	toDOM(view: EditorView): HTMLElement {
		const hr = view.dom.ownerDocument.createElement("hr");
		hr.className = "cm-hr";
		return hr;
	}
}
const RULE = Decoration.replace({ widget: new RuleWidget() });

/** The line break Live Preview draws for a `<br>` away from the cursor. */
class BreakWidget extends WidgetType {
	override eq(): boolean {
		return true;
	}
	toDOM(view: EditorView): HTMLElement {
		return view.dom.ownerDocument.createElement("br");
	}
}
const BREAK = Decoration.replace({ widget: new BreakWidget() });

/** Whether `state` is shown as Live Preview (the double's `editorLivePreviewField`). */
export function isLivePreview(state: EditorState): boolean {
	return state.field(editorLivePreviewField, false) ?? false;
}

/**
 * Whether the selection is on any line of `from`–`to`: those lines show their markup, as
 * Live Preview shows the lines being edited.
 */
export function selectionOnLines(state: EditorState, from: number, to: number): boolean {
	const first = state.doc.lineAt(from).from;
	const last = state.doc.lineAt(to).to;
	return state.selection.ranges.some((r) => r.from <= last && r.to >= first);
}

const HEADING = /^(?:ATXHeading|SetextHeading)([1-6])$/;

/** How many lists or quotes of `type` hold `node` (1 for a top-level one). */
function depth(node: SyntaxNode, types: readonly string[]): number {
	let n = 0;
	for (let p: SyntaxNode | null = node; p; p = p.parent) if (types.includes(p.name)) n++;
	return n;
}

/**
 * The decorations for the visible part of a note. Both modes get Obsidian's classes (headings,
 * emphasis, links, quotes, lists, code, with the markup as `cm-formatting`); Live Preview also
 * hides the markup of the lines the selection is not on, draws list bullets and rules.
 */
function build(view: EditorView): { styles: DecorationSet; hidden: DecorationSet } {
	const { state } = view;
	const live = isLivePreview(state);
	const out: Range<Decoration>[] = [];
	const gone: Range<Decoration>[] = [];
	const hidden = (from: number, to: number) => live && !selectionOnLines(state, from, to);
	const tree = syntaxTree(state);
	const doc = state.doc;
	const lineClass = (pos: number, cls: string) => out.push(line(cls).range(doc.lineAt(pos).from));
	// The visible range being walked: a block's line classes go on its lines within it only (a long
	// code block or quote costs what is on screen, and one split by a fold gets each line once).
	let shown = { from: 0, to: 0 };
	const linesClass = (from: number, to: number, cls: string) => {
		for (let n = doc.lineAt(Math.max(from, shown.from)).number, last = doc.lineAt(Math.min(to, shown.to)).number; n <= last; n++) out.push(line(cls).range(doc.line(n).from));
	};
	/** Markup that Live Preview hides while the selection is off the lines of `from`–`to` (its element), and source mode shows faint. */
	const markup = (a: number, b: number, cls: string, element: { from: number; to: number }) => {
		if (b <= a) return;
		if (hidden(element.from, element.to)) gone.push(HIDE.range(a, b));
		else out.push(mark(`cm-formatting ${cls}`).range(a, b));
	};
	/** The end of the spaces after `pos` on its line. */
	const spacesAfter = (pos: number) => {
		const end = doc.lineAt(pos).to;
		let at = pos;
		while (at < end && doc.sliceString(at, at + 1) === " ") at++;
		return at;
	};

	for (const range of view.visibleRanges) {
		shown = range;
		const { from, to } = range;
		tree.iterate({
			from,
			to,
			enter: (ref) => {
				const node = ref.node;
				const name = node.name;
				const heading = HEADING.exec(name);
				if (heading) {
					const level = heading[1] ?? "1";
					const headerMarks = node.getChildren("HeaderMark");
					if (name.startsWith("Setext")) {
						// The text lines are the heading; the `===`/`---` underline is its markup.
						const underline = headerMarks[headerMarks.length - 1];
						const textTo = underline ? Math.max(node.from, doc.lineAt(underline.from).from - 1) : node.to;
						linesClass(node.from, textTo, `HyperMD-header HyperMD-header-${level}`);
						out.push(mark(`cm-header cm-header-${level}`).range(node.from, textTo));
						if (underline) markup(underline.from, underline.to, `cm-formatting-header cm-formatting-header-${level}`, node);
						return false;
					}
					lineClass(node.from, `HyperMD-header HyperMD-header-${level}`);
					out.push(mark(`cm-header cm-header-${level}`).range(node.from, node.to));
					for (const m of headerMarks) {
						// `## ` before the text, or ` ##` closing it.
						const opening = m.from === node.from;
						markup(opening ? m.from : Math.max(node.from, m.from - 1), opening ? Math.min(spacesAfter(m.to), node.to) : m.to, `cm-formatting-header cm-formatting-header-${level}`, node);
					}
					return;
				}
				switch (name) {
					case "Frontmatter":
						linesClass(node.from, node.to, "HyperMD-frontmatter");
						return false;
					case "StrongEmphasis":
					case "Emphasis":
					case "Strikethrough": {
						const kind = name === "StrongEmphasis" ? "strong" : name === "Emphasis" ? "em" : "strikethrough";
						out.push(mark(`cm-${kind}`).range(node.from, node.to));
						for (const m of node.getChildren(name === "Strikethrough" ? "StrikethroughMark" : "EmphasisMark")) markup(m.from, m.to, `cm-formatting-${kind}`, node);
						return;
					}
					case "InlineCode":
						out.push(mark("cm-inline-code").range(node.from, node.to));
						for (const m of node.getChildren("CodeMark")) markup(m.from, m.to, "cm-formatting-code", node);
						return false;
					case "Link": {
						const [open, ...rest] = node.getChildren("LinkMark");
						const close = rest.find((m) => doc.sliceString(m.from, m.to) === "]");
						if (!open || !close || doc.sliceString(open.from, open.to) !== "[") return;
						// `[text]` alone is text to Obsidian (CommonMark would look for a reference definition).
						if (close.to === node.to) return;
						out.push(mark("cm-link").range(open.to, close.from));
						markup(open.from, open.to, "cm-formatting-link", node);
						// `](address "title")`, or the `]` (and `[label]`) of a reference link.
						markup(close.from, node.to, "cm-formatting-link cm-url", node);
						return;
					}
					case "Autolink": {
						const url = node.getChild("URL");
						if (url) out.push(mark("cm-url").range(url.from, url.to));
						for (const m of node.getChildren("LinkMark")) markup(m.from, m.to, "cm-formatting-link", node);
						return false;
					}
					case "URL":
						// A bare address (GFM's autolinks): a link in both modes.
						out.push(mark("cm-url").range(node.from, node.to));
						return false;
					case "WikiLink": {
						const target = node.getChild("WikiLinkTarget");
						const [open, close] = node.getChildren("WikiLinkMark");
						out.push(mark("cm-hmd-internal-link").range(target?.to ?? open?.to ?? node.from, close?.from ?? node.to));
						for (const m of [open, close]) if (m) markup(m.from, m.to, "cm-formatting-link", node);
						// `target|` of a link that shows other text.
						if (target) markup(target.from, target.to, "cm-formatting-link-string", node);
						return false;
					}
					case "Blockquote": {
						// A class on each of its lines, from the outermost quote (nested ones only deepen it).
						if (depth(node, ["Blockquote"]) > 1) return;
						for (let n = doc.lineAt(Math.max(node.from, from)).number, last = doc.lineAt(Math.min(node.to, to)).number; n <= last; n++) {
							const l = doc.line(n);
							const level = (/^\s*((?:>\s?)+)/.exec(l.text)?.[1] ?? ">").replace(/[^>]/g, "").length;
							out.push(line(`HyperMD-quote HyperMD-quote-${level}`).range(l.from));
						}
						return;
					}
					case "QuoteMark": {
						// `>` and the space after it: markup of its own line.
						const l = doc.lineAt(node.from);
						markup(node.from, Math.min(spacesAfter(node.to), node.to + 1), "cm-formatting-quote", l);
						return;
					}
					case "ListItem":
						lineClass(node.from, `HyperMD-list-line HyperMD-list-line-${depth(node, ["BulletList", "OrderedList"])}`);
						return;
					case "ListMark": {
						// Kept as text (the cursor moves over it as usual); away from the cursor a bullet is drawn over it.
						const kind = node.parent?.parent?.name === "OrderedList" ? "ol" : "ul";
						const bullet = kind === "ul" && hidden(node.from, node.to) ? " list-bullet" : "";
						out.push(mark(`cm-formatting cm-formatting-list cm-formatting-list-${kind} cm-list-${depth(node, ["BulletList", "OrderedList"])}${bullet}`).range(node.from, node.to));
						return;
					}
					case "FencedCode": {
						linesClass(node.from, node.to, "HyperMD-codeblock HyperMD-codeblock-bg");
						const first = doc.lineAt(node.from);
						const last = doc.lineAt(node.to);
						lineClass(first.from, "HyperMD-codeblock-begin");
						// The fences (with the language) are the markup; an unclosed block has only the first.
						markup(first.from, first.to, "cm-formatting-code-block", node);
						if (last.number > first.number && node.lastChild?.name === "CodeMark") {
							lineClass(last.from, "HyperMD-codeblock-end");
							markup(last.from, last.to, "cm-formatting-code-block", node);
						}
						return false;
					}
					case "CodeBlock":
						linesClass(node.from, node.to, "HyperMD-codeblock HyperMD-codeblock-bg");
						return false;
					case "HorizontalRule":
						lineClass(node.from, "HyperMD-hr");
						if (hidden(node.from, node.to)) gone.push(RULE.range(node.from, node.to));
						else out.push(mark("cm-formatting cm-hr").range(node.from, node.to));
						return false;
					case "HTMLTag":
						// Live Preview draws a `<br>`; other raw HTML stays as written (the plugin turns its timestamp anchors into chips).
						if (/^<br\s*\/?>$/i.test(doc.sliceString(node.from, node.to)) && hidden(node.from, node.to)) gone.push(BREAK.range(node.from, node.to));
						return false;
					case "HTMLBlock":
					case "Comment":
						return false;
				}
				return;
			},
		});
	}
	return { styles: Decoration.set(out, true), hidden: Decoration.set(gone, true) };
}

/**
 * Obsidian's Live Preview look over the note's syntax tree (see {@link build}), redrawn when the
 * text, the viewport, the parse, the mode or (in Live Preview) the selection changes. Its styles
 * rank above every other decoration, so they nest inside the plugin's marks (which stay one element
 * per citation); the markup it hides ranks below them, so the plugin's chips replace whole links.
 */
export const markupDecorations = ViewPlugin.fromClass(
	class {
		styles: DecorationSet;
		hidden: DecorationSet;
		constructor(view: EditorView) {
			({ styles: this.styles, hidden: this.hidden } = build(view));
		}
		update(u: ViewUpdate) {
			const modeChanged = isLivePreview(u.startState) !== isLivePreview(u.state);
			if (u.docChanged || u.viewportChanged || modeChanged || syntaxTree(u.startState) !== syntaxTree(u.state) || (u.selectionSet && isLivePreview(u.state))) {
				({ styles: this.styles, hidden: this.hidden } = build(u.view));
			}
		}
	},
	{
		provide: (plugin) => [
			Prec.highest(EditorView.decorations.of((view) => view.plugin(plugin)?.styles ?? Decoration.none)),
			Prec.low(EditorView.decorations.of((view) => view.plugin(plugin)?.hidden ?? Decoration.none)),
		],
	},
);
