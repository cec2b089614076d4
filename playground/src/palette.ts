import { Notice, type App } from "../../test/double/obsidian";

/** The commands whose names contain every word of `query` (any case) and that `offered` keeps, sorted by name. */
export function matchCommands(app: App, query: string, offered: (id: string) => boolean = () => true): { id: string; name: string }[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return [...app.commands.commands.values()]
		.filter((cmd) => offered(cmd.id) && words.every((w) => cmd.name.toLowerCase().includes(w)))
		.map((cmd) => ({ id: cmd.id, name: cmd.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Obsidian's command palette, for the keyboard: Ctrl+P (Cmd+P on macOS) opens a box that lists
 * the plugin's commands available when it opened (as Obsidian hides the others) matching what is
 * typed; arrow keys move, Enter runs the chosen command and Escape closes. Focus goes back to
 * where it was, so a command meant for the editor finds the cursor where the person left it.
 */
export function installPalette(app: App, doc: Document): void {
	let open: { close(): void } | null = null;
	doc.addEventListener("keydown", (evt) => {
		if (!(evt.ctrlKey || evt.metaKey) || evt.altKey || evt.key.toLowerCase() !== "p") return;
		evt.preventDefault();
		if (!open) open = show();
	});

	const show = () => {
		const returnTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
		const available = new Set([...app.commands.commands.keys()].filter((id) => app.commands.isAvailable(id)));
		const container = doc.body.createDiv({ cls: "modal-container playground-palette" });
		container.createDiv({ cls: "modal-bg" });
		const box = container.createDiv({ cls: "prompt", attr: { role: "dialog", "aria-label": "Command palette" } });
		const input = box.createEl("input", { cls: "prompt-input", attr: { type: "text", placeholder: "Type a command…", "aria-label": "Command", spellcheck: "false" } });
		const list = box.createDiv({ cls: "prompt-results", attr: { role: "listbox", "aria-label": "Commands" } });
		let shown: { id: string; name: string }[] = [];
		let chosen = 0;
		const draw = () => {
			shown = matchCommands(app, input.value, (id) => available.has(id));
			chosen = Math.min(chosen, Math.max(0, shown.length - 1));
			list.empty();
			if (shown.length === 0) list.createDiv({ cls: "prompt-empty", text: "No matching commands." });
			shown.forEach((cmd, i) => {
				const row = list.createDiv({ cls: "suggestion-item", text: cmd.name, attr: { role: "option", "aria-selected": String(i === chosen) } });
				row.toggleClass("is-selected", i === chosen);
				row.addEventListener("click", () => run(i));
			});
		};
		const close = () => {
			container.detach();
			open = null;
			returnTo?.focus();
		};
		const run = (i: number) => {
			const cmd = shown[i];
			close();
			if (cmd && !app.commands.execute(cmd.id)) new Notice(`"${cmd.name}" is not available here (Obsidian would hide it from the palette).`);
		};
		input.addEventListener("input", () => {
			chosen = 0;
			draw();
		});
		input.addEventListener("keydown", (evt) => {
			if (evt.isComposing) return;
			if (evt.key === "Enter" || evt.key === "Escape") {
				// Focus goes back to the note before the key is done: without this, its default action
				// (a new line for Enter) would land in the editor.
				evt.preventDefault();
				return evt.key === "Enter" ? run(chosen) : close();
			}
			if (evt.key === "ArrowDown") chosen = Math.min(chosen + 1, shown.length - 1);
			else if (evt.key === "ArrowUp") chosen = Math.max(chosen - 1, 0);
			else return;
			evt.preventDefault();
			draw();
		});
		container.querySelector(".modal-bg")?.addEventListener("click", close);
		draw();
		input.focus();
		return { close };
	};
}
