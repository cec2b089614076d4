import { Menu, Notice, setIcon, type App, type PluginSettingTab } from "../../test/double/obsidian";

/** How long a notice stays when the plugin gives no duration (Obsidian's default). */
const NOTICE_MS = 5000;

/**
 * Shows the double's notices in a stack at the top right, as Obsidian does: each stays for its
 * duration (0 keeps it until clicked) and a click dismisses it.
 */
export function showNotices(doc: Document): void {
	const stack = doc.body.createDiv({ cls: "playground-notices", attr: { "aria-live": "polite" } });
	Notice.onShow = (notice) => {
		stack.appendChild(notice.containerEl);
		notice.noticeEl.addEventListener("click", () => notice.hide());
		const duration = notice.duration ?? NOTICE_MS;
		if (duration > 0) doc.defaultView?.setTimeout(() => notice.hide(), duration);
	};
}

/**
 * Draws the double's context menus at the pointer: items run their callback and close the menu;
 * arrow keys move between items, Enter runs one, Escape or a click elsewhere closes it.
 */
export function showMenus(doc: Document): void {
	let open: HTMLElement | null = null;
	const close = () => {
		open?.detach();
		open = null;
	};
	doc.addEventListener("mousedown", (evt) => {
		if (open && !open.contains(evt.target as Node)) close();
	});
	Menu.onShow = (menu, x, y) => {
		close();
		const el = doc.body.createDiv({ cls: "menu playground-menu", attr: { role: "menu" } });
		open = el;
		for (const item of menu.items) {
			const row = el.createDiv({ cls: "menu-item", attr: { role: "menuitem", tabindex: "-1" } });
			row.toggleClass("is-disabled", item.disabled);
			row.toggleClass("mod-checked", item.checked);
			if (item.disabled) row.setAttr("aria-disabled", "true");
			const icon = row.createDiv({ cls: "menu-item-icon" });
			if (item.icon) setIcon(icon, item.icon);
			row.createDiv({ cls: "menu-item-title", text: item.title });
			const run = (evt: MouseEvent | KeyboardEvent) => {
				if (item.disabled) return;
				close();
				void item.callback?.(evt);
			};
			row.addEventListener("click", run);
			row.addEventListener("keydown", (evt) => {
				if (evt.key === "Enter" || evt.key === " ") {
					evt.preventDefault();
					run(evt);
				}
			});
		}
		el.addEventListener("keydown", (evt) => {
			const rows = Array.from(el.querySelectorAll<HTMLElement>(".menu-item:not(.is-disabled)"));
			const at = rows.indexOf(doc.activeElement as HTMLElement);
			if (evt.key === "Escape") close();
			else if (evt.key === "ArrowDown") rows[(at + 1) % rows.length]?.focus();
			else if (evt.key === "ArrowUp") rows[(at - 1 + rows.length) % rows.length]?.focus();
			else return;
			evt.preventDefault();
		});
		const win = doc.defaultView;
		const maxX = (win?.innerWidth ?? 800) - el.offsetWidth - 8;
		const maxY = (win?.innerHeight ?? 600) - el.offsetHeight - 8;
		el.style.setProperty("--menu-x", `${Math.max(0, Math.min(x, maxX))}px`);
		el.style.setProperty("--menu-y", `${Math.max(0, Math.min(y, maxY))}px`);
		el.querySelector<HTMLElement>(".menu-item:not(.is-disabled)")?.focus();
	};
}

/** Opens the plugin's settings tab in a modal, as Obsidian's settings window shows it. */
export function openSettings(app: App, doc: Document): void {
	const tab = app.settingTabs[0] as PluginSettingTab | undefined;
	if (!tab) {
		new Notice("The plugin added no settings tab.");
		return;
	}
	const container = doc.body.createDiv({ cls: "modal-container playground-settings" });
	container.createDiv({ cls: "modal-bg" });
	const modal = container.createDiv({ cls: "modal mod-settings", attr: { role: "dialog", "aria-label": "Settings" } });
	const close = modal.createDiv({ cls: "modal-close-button clickable-icon", attr: { role: "button", tabindex: "0", "aria-label": "Close" } });
	setIcon(close, "x");
	modal.createDiv({ cls: "modal-title", text: "Video Citations settings" });
	tab.display();
	modal.appendChild(tab.containerEl);
	const onKey = (evt: KeyboardEvent) => {
		if (evt.key === "Escape" || (evt.target === close && evt.key === "Enter")) dismiss();
	};
	const dismiss = () => {
		doc.removeEventListener("keydown", onKey);
		tab.hide();
		container.detach();
	};
	close.addEventListener("click", dismiss);
	doc.addEventListener("keydown", onKey);
	container.querySelector(".modal-bg")?.addEventListener("click", dismiss);
	close.focus();
}
