import { Notice, type App, type NoteMode } from "../../test/double/obsidian";
import type { Theme } from "./api";

/** What the toolbar's controls do. */
export interface ToolbarActions {
	openNote(path: string): void;
	setMode(mode: NoteMode): void;
	setTheme(theme: Theme): void;
	openSettings(): void;
}

/** The toolbar's controls, to keep them in step with the page. */
export interface Toolbar {
	show(state: { note: string; mode: NoteMode; theme: Theme }): void;
}

const MODE_LABELS: [NoteMode, string][] = [
	["reading", "Reading"],
	["live", "Live Preview"],
	["source", "Source"],
];

/**
 * The strip above the workspace: pick a note, a view mode and a theme, run one of the plugin's
 * commands (what Obsidian's command palette does), open the plugin's settings. Plain form controls,
 * so it all works from the keyboard.
 */
export function buildToolbar(parent: HTMLElement, app: App, actions: ToolbarActions): Toolbar {
	const bar = parent.createDiv({ cls: "playground-toolbar", attr: { role: "toolbar", "aria-label": "Playground" } });
	bar.createSpan({ cls: "playground-brand", text: "Video Citations playground" });

	const notePicker = bar.createEl("select", { cls: "dropdown playground-note", attr: { "aria-label": "Note" } });
	for (const file of app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path))) {
		notePicker.createEl("option", { text: file.path.replace(/\.md$/, ""), attr: { value: file.path } });
	}
	notePicker.addEventListener("change", () => actions.openNote(notePicker.value));

	const modes = bar.createDiv({ cls: "playground-modes", attr: { role: "group", "aria-label": "View mode" } });
	const modeButtons = MODE_LABELS.map(([mode, label]) => {
		const button = modes.createEl("button", { text: label, attr: { "data-mode": mode, "aria-pressed": "false" } });
		button.addEventListener("click", () => actions.setMode(mode));
		return button;
	});

	const themeButton = bar.createEl("button", { cls: "playground-theme" });
	themeButton.addEventListener("click", () => actions.setTheme(themeButton.dataset.theme === "dark" ? "light" : "dark"));

	const commands = bar.createEl("select", { cls: "dropdown playground-commands", attr: { "aria-label": "Run a command" } });
	const fillCommands = () => {
		commands.empty();
		commands.createEl("option", { text: "Run a command…", attr: { value: "" } });
		for (const cmd of [...app.commands.commands.values()].sort((a, b) => a.name.localeCompare(b.name))) {
			commands.createEl("option", { text: cmd.name, attr: { value: cmd.id } });
		}
	};
	commands.addEventListener("focus", fillCommands);
	commands.addEventListener("change", () => {
		const id = commands.value;
		commands.value = "";
		if (id && !app.commands.execute(id)) {
			new Notice(`"${app.commands.commands.get(id)?.name ?? id}" is not available here (Obsidian would hide it from the palette).`);
		}
	});
	fillCommands();

	const settings = bar.createEl("button", { text: "Settings" });
	settings.addEventListener("click", () => actions.openSettings());

	return {
		show({ note, mode, theme }) {
			notePicker.value = note;
			for (const button of modeButtons) button.setAttr("aria-pressed", button.dataset.mode === mode ? "true" : "false");
			themeButton.dataset.theme = theme;
			themeButton.setText(theme === "dark" ? "Light theme" : "Dark theme");
		},
	};
}
