/** Where copied text goes: the system clipboard in the app, a fake in tests (jsdom has none). */
export interface ClipboardWriter {
	writeText(text: string): Promise<void>;
}

/**
 * The clipboard of the window the user is working in. `activeWindow` is read at each write, so a
 * command run (or a menu used) in a pop-out window writes through that window's own `navigator`:
 * the main window's refuses writes while it does not have focus.
 */
export function activeWindowClipboard(): ClipboardWriter {
	return { writeText: (text) => activeWindow.navigator.clipboard.writeText(text) };
}
