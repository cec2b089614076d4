import { MarkdownView, Notice, type App, type WorkspaceLeaf } from "../../test/double/obsidian";

/**
 * Puts the double's workspace on the page and makes it behave like Obsidian's where the plugin
 * cannot tell the difference: each leaf is tagged with its view type (for the page's layout),
 * clicking or focusing into a note's leaf makes it the active leaf, internal links open notes, and
 * on a phone a tap on the backdrop of an open sidebar (a drawer) closes it.
 */
export function mountWorkspace(parent: HTMLElement, app: App, openNote: (path: string) => void): void {
	const { workspace } = app;
	parent.appendChild(workspace.containerEl);

	const tagLeaves = () => {
		for (const leaf of workspace.leaves) {
			leaf.containerEl.dataset.type = leaf.view.getViewType();
			leaf.containerEl.toggleClass("mod-active", leaf === workspace.activeLeaf);
		}
	};
	workspace.on("layout-change", tagLeaves);
	workspace.on("active-leaf-change", tagLeaves);

	const leafOf = (target: EventTarget | null): WorkspaceLeaf | undefined =>
		target instanceof Node ? workspace.leaves.find((leaf) => leaf.containerEl.contains(target)) : undefined;
	const activate = (evt: Event) => {
		const leaf = leafOf(evt.target);
		if (leaf && (leaf.side === "root" || leaf.side === "window")) workspace.setActiveLeaf(leaf);
	};
	workspace.containerEl.addEventListener("mousedown", activate, true);

	// On a phone an open sidebar is a drawer over the note; a tap beside it closes it, as in Obsidian.
	const backdrop = workspace.containerEl.createDiv({ cls: "workspace-drawer-backdrop" });
	backdrop.addEventListener("click", () => {
		workspace.leftSplit.collapse();
		workspace.rightSplit.collapse();
	});

	workspace.containerEl.addEventListener("focusin", activate, true);

	// Obsidian opens internal links itself; the double renders them as plain anchors, which would
	// navigate the page away. Links the plugin handled (defaultPrevented) are left alone.
	workspace.containerEl.addEventListener("click", (evt) => {
		const link = evt.target instanceof Element ? evt.target.closest("a") : null;
		if (!link || evt.defaultPrevented) return;
		if (link.hasClass("internal-link")) {
			evt.preventDefault();
			const target = link.getAttr("data-href") ?? link.getAttr("href") ?? "";
			const from = workspace.getActiveViewOfType(MarkdownView)?.file?.path ?? "";
			const file = app.metadataCache.getFirstLinkpathDest(target.split("#")[0] ?? target, from);
			if (file?.extension === "md") openNote(file.path);
			else new Notice(`"${target}" is not a note in this vault.`);
		} else if (/^https?:/i.test(link.getAttr("href") ?? "")) {
			evt.preventDefault();
			window.open(link.href, "_blank", "noopener");
		}
	});
}
