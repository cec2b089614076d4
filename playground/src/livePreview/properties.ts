import { syntaxTree } from "@codemirror/language";
import { StateField, type EditorState } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { setIcon } from "../../../test/double/ui";
import { parseYaml } from "../../../test/double/yaml";
import { isLivePreview } from "./markup";

/** The note's frontmatter, fences included, when it has a closed one (from the syntax tree). */
function frontmatterOf(state: EditorState): { from: number; to: number; yaml: string } | null {
	const node = syntaxTree(state).topNode.firstChild;
	if (node?.name !== "Frontmatter") return null;
	const fences = node.getChildren("FrontmatterMark");
	const open = fences[0];
	const close = fences[1];
	if (!open || !close) return null;
	return { from: node.from, to: node.to, yaml: state.sliceDoc(state.doc.lineAt(open.to).to + 1, close.from) };
}

/** The icon Obsidian gives a property of this kind of value. */
function typeIcon(value: unknown): string {
	if (Array.isArray(value)) return "list";
	if (typeof value === "number") return "binary";
	if (typeof value === "boolean") return "check-square";
	return "text";
}

/**
 * Obsidian's properties block (`metadata-container`): one row per key of the frontmatter, its
 * value as text, an internal link (`"[[clip.webm]]"`) or pills (a list). A click puts the cursor
 * in the frontmatter, which then shows as YAML to edit.
 */
class PropertiesWidget extends WidgetType {
	constructor(
		readonly yaml: string,
		readonly editAt: number,
	) {
		super();
	}

	override eq(other: PropertiesWidget): boolean {
		return other.yaml === this.yaml && other.editAt === this.editAt;
	}

	toDOM(view: EditorView): HTMLElement {
		const doc = view.dom.ownerDocument;
		const container = doc.createElement("div");
		container.className = "metadata-container";
		const heading = container.createDiv({ cls: "metadata-properties-heading" });
		heading.createDiv({ cls: "metadata-properties-title", text: "Properties" });
		const list = container.createDiv({ cls: "metadata-content" }).createDiv({ cls: "metadata-properties" });
		let properties: Record<string, unknown>;
		try {
			properties = parseYaml(this.yaml);
		} catch {
			container.addClass("mod-error");
			list.createDiv({ cls: "metadata-error", text: "Invalid properties: click to edit the YAML." });
			properties = {};
		}
		container.dataset.propertyCount = String(Object.keys(properties).length);
		for (const [key, value] of Object.entries(properties)) {
			const row = list.createDiv({ cls: "metadata-property", attr: { "data-property-key": key } });
			const keyEl = row.createDiv({ cls: "metadata-property-key" });
			setIcon(keyEl.createSpan({ cls: "metadata-property-icon" }), typeIcon(value));
			keyEl.createSpan({ cls: "metadata-property-key-input", text: key });
			const valueEl = row.createDiv({ cls: "metadata-property-value" });
			if (Array.isArray(value)) {
				const pills = valueEl.createDiv({ cls: "multi-select-container" });
				for (const item of value as unknown[]) pills.createDiv({ cls: "multi-select-pill", text: typeof item === "string" ? item : JSON.stringify(item) });
			} else if (value === null) {
				valueEl.createSpan({ cls: "metadata-property-empty", text: "Empty" });
			} else {
				const text = typeof value === "string" ? value : JSON.stringify(value);
				const link = /^\[\[([^\]|]+)(?:\|([^\]]*))?\]\]$/.exec(text);
				if (link) valueEl.createSpan({ cls: "internal-link", text: link[2] ?? link[1] ?? text });
				else valueEl.createDiv({ cls: "metadata-input-longtext", text });
			}
		}
		container.addEventListener("mousedown", (evt) => {
			evt.preventDefault();
			view.dispatch({ selection: { anchor: Math.min(this.editAt, view.state.doc.length) } });
			view.focus();
		});
		return container;
	}
}

function build(state: EditorState): DecorationSet {
	if (!isLivePreview(state)) return Decoration.none;
	const fm = frontmatterOf(state);
	if (!fm) return Decoration.none;
	// A cursor at the note's very start is before the block (where a freshly opened note has it):
	// Obsidian never shows its properties as YAML then. Anywhere else in the frontmatter, it does here.
	if (state.selection.ranges.some((r) => r.to > fm.from && r.from <= fm.to)) return Decoration.none;
	const editAt = state.doc.lineAt(fm.from).to + 1;
	return Decoration.set(Decoration.replace({ widget: new PropertiesWidget(fm.yaml, editAt), block: true }).range(fm.from, fm.to));
}

/** Live Preview's properties block in place of the frontmatter (block decorations must come from state). */
export const propertiesBlock = StateField.define<DecorationSet>({
	create: build,
	update(value, tr) {
		const modeChanged = isLivePreview(tr.startState) !== isLivePreview(tr.state);
		if (tr.docChanged || tr.selection || modeChanged || syntaxTree(tr.startState) !== syntaxTree(tr.state)) return build(tr.state);
		return value;
	},
	provide: (field) => EditorView.decorations.from(field),
});
