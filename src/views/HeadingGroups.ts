import { setIcon } from "obsidian";

interface OpenGroup {
	heading: string;
	body: HTMLElement;
}

/**
 * The panel's heading groups: opens nested, collapsible groups as rows arrive in document order
 * (a row's headings are its path), and remembers which paths the user collapsed across re-renders.
 */
export class HeadingGroups {
	private open: OpenGroup[] = [];
	private lastHeadings: readonly string[] | null = null;
	private paths = new WeakMap<HTMLElement, string>();
	private collapsed = new Set<string>();

	constructor(private root: HTMLElement) {}

	/** Starts over (the list was emptied); collapsed paths are kept. */
	reset(): void {
		this.open = [];
		this.lastHeadings = null;
	}

	/** The element a row under `headings` goes in, opening (and closing) groups as the path changes. */
	bodyFor(headings: readonly string[]): HTMLElement {
		// Rows of one section share their headings array, so most rows stop here.
		if (headings === this.lastHeadings) return this.innermost();
		this.lastHeadings = headings;
		let depth = 0;
		while (depth < this.open.length && depth < headings.length && this.open[depth]?.heading === headings[depth]) depth++;
		this.open.length = depth;
		for (let d = depth; d < headings.length; d++) {
			const heading = headings[d] ?? "";
			const path = headings.slice(0, d + 1).join("\n");
			const collapsed = this.collapsed.has(path);
			const group = (this.open[d - 1]?.body ?? this.root).createDiv({ cls: collapsed ? "vc-panel-group is-collapsed" : "vc-panel-group" });
			const header = group.createDiv({
				cls: "vc-panel-group-header",
				attr: { role: "button", tabindex: 0, "aria-expanded": String(!collapsed) },
			});
			setIcon(header.createSpan({ cls: "vc-panel-group-icon" }), collapsed ? "chevron-right" : "chevron-down");
			header.createSpan({ cls: "vc-panel-group-title", text: heading });
			this.paths.set(header, path);
			this.open.push({ heading, body: group.createDiv({ cls: "vc-panel-group-body", attr: { role: "group" } }) });
		}
		return this.innermost();
	}

	/** Collapses or expands the group of a header element. */
	toggle(header: HTMLElement): void {
		const group = header.parentElement;
		const path = this.paths.get(header);
		if (!group || path === undefined) return;
		const collapsed = !group.hasClass("is-collapsed");
		group.toggleClass("is-collapsed", collapsed);
		header.setAttr("aria-expanded", String(!collapsed));
		const icon = header.querySelector<HTMLElement>(".vc-panel-group-icon");
		if (icon) setIcon(icon, collapsed ? "chevron-right" : "chevron-down");
		if (collapsed) this.collapsed.add(path);
		else this.collapsed.delete(path);
	}

	/** Whether `el` sits inside a collapsed group. */
	static isHidden(el: HTMLElement | undefined): boolean {
		return !!el?.parentElement?.closest(".vc-panel-group.is-collapsed");
	}

	private innermost(): HTMLElement {
		return this.open[this.open.length - 1]?.body ?? this.root;
	}
}
