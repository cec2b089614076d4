import type { Extension } from "@codemirror/state";
import { markupDecorations } from "./markup";
import { propertiesBlock } from "./properties";
import { obsidianMarkdown } from "./syntax";

/**
 * What Obsidian's own editor adds to every note, for the playground: CodeMirror's markdown
 * language (with frontmatter and internal links) and the Live Preview look drawn from its syntax
 * tree. In Live Preview the lines the selection is not on show as Obsidian renders them (headings,
 * emphasis, links, quotes and list bullets with their markup hidden; the frontmatter as a
 * properties block); source mode shows the markdown as written, styled. The plugin's chips draw
 * over the links they replace, and its source-mode marks stay whole around these styles.
 */
export function livePreview(): Extension {
	return [obsidianMarkdown(), propertiesBlock, markupDecorations];
}
