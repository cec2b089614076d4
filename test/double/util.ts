import DOMPurify from "dompurify";

/** A debounced function with `cancel` and `run`, as Obsidian's `debounce` returns. */
export interface Debouncer<T extends unknown[], V> {
	(...args: T): this;
	cancel(): this;
	run(): V | void;
}

/** Obsidian's `debounce`: calls `cb` once `timeout` ms have passed since the last call (or the first, without `resetTimer`). */
export function debounce<T extends unknown[], V>(cb: (...args: T) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: number | null = null;
	let lastArgs: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (!lastArgs) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = function (this: unknown, ...args: T) {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			window.clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = window.setTimeout(fire, timeout);
		return debounced;
	} as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) window.clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) window.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

/** Obsidian's `normalizePath`. */
export function normalizePath(path: string): string {
	return path
		.replace(/\\/g, "/")
		.replace(/\/+/g, "/")
		.replace(/^\/+|\/+$/g, "")
		.replace(/\u00A0|\u202F/g, " ")
		.normalize("NFC") || "/";
}

/** Obsidian's `Platform` flags for a desktop app; tests flip `isMobile` to try the phone layout. */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

/** Obsidian's `Keymap.isModEvent`: Ctrl (or Cmd on macOS) means "open elsewhere". */
export const Keymap = {
	isModEvent(evt?: UIEvent | null): boolean | "tab" | "split" | "window" {
		if (!evt) return false;
		const e = evt as MouseEvent;
		const mod = Platform.isMacOS ? e.metaKey : e.ctrlKey;
		if (!mod) return false;
		if (e.altKey) return e.shiftKey ? "window" : "split";
		return "tab";
	},
	isModifier(evt: MouseEvent | KeyboardEvent, modifier: string): boolean {
		if (modifier === "Mod") return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
		if (modifier === "Shift") return evt.shiftKey;
		if (modifier === "Alt") return evt.altKey;
		if (modifier === "Ctrl") return evt.ctrlKey;
		if (modifier === "Meta") return evt.metaKey;
		return false;
	},
};

/** What `requestUrl` answers in the double: a status and a body. */
export interface RecordedResponse {
	status: number;
	text: string;
}

/** Answers one request, or `undefined` when it has no recording for it. */
export type RecordedNetwork = (request: { url: string; method: string; headers: Record<string, string> }) => RecordedResponse | undefined | Promise<RecordedResponse | undefined>;

/**
 * The network of the double: off, except for recorded responses a test (or the playground) serves.
 * Every request made is logged, so a test can check that nothing was fetched.
 */
export const network = {
	serve: null as RecordedNetwork | null,
	requests: [] as { url: string; method: string; headers: Record<string, string> }[],
	reset(): void {
		this.serve = null;
		this.requests = [];
	},
};

/** Obsidian's `requestUrl`: a recorded response, or a loud failure (there is no network here). */
export async function requestUrl(request: string | { url: string; method?: string; headers?: Record<string, string>; throw?: boolean }): Promise<RecordedResponse & { headers: Record<string, string>; json: unknown }> {
	const req = typeof request === "string" ? { url: request } : request;
	const entry = { url: req.url, method: req.method ?? "GET", headers: req.headers ?? {} };
	network.requests.push(entry);
	const answer = network.serve ? await network.serve(entry) : undefined;
	if (!answer) throw new Error(`requestUrl is disabled in tests: no recording for ${JSON.stringify(request)}`);
	// As Obsidian: a status of 400 or more throws unless `throw: false`.
	if (answer.status >= 400 && (typeof request === "string" || request.throw !== false)) throw new Error(`Request failed, status ${answer.status}`);
	return {
		...answer,
		headers: {},
		get json(): unknown {
			return JSON.parse(answer.text) as unknown;
		},
	};
}

/** Obsidian's `sanitizeHTMLToDom`, with DOMPurify as the sanitizer. */
export function sanitizeHTMLToDom(html: string): DocumentFragment {
	const purify = DOMPurify(window);
	return purify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
}

/** The app version the double pretends to be. */
export const apiVersion = "1.13.1";

/** Obsidian's `requireApiVersion` against {@link apiVersion}. */
export function requireApiVersion(version: string): boolean {
	const a = apiVersion.split(".").map(Number);
	const b = version.split(".").map(Number);
	for (let i = 0; i < 3; i++) {
		if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
	}
	return true;
}

/** Obsidian's `Scope`, enough for views that declare one. */
export class Scope {
	register(): unknown {
		return {};
	}
	unregister(): void {}
}
