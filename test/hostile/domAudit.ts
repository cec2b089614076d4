/**
 * The DOM audit of the injection suites: what on a page could run a script or load something the
 * plugin did not build itself from a checked id or path. It knows nothing of how the plugin works:
 * it reads the DOM as an attacker would hope to find it.
 */
import { App } from "../double/obsidian";

/** Elements that run, load or navigate on their own. */
export const ACTIVE_TAGS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "video", "audio", "source", "track", "base", "link", "meta", "portal", "form"];

/** Attributes that hold a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "cite", "codebase", "dynsrc", "lowsrc", "manifest", "icon", "longdesc", "srcset"];

/** URL schemes that run script or carry a document of their own. */
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/;

/** What the page may hold besides inert markup. */
export interface AuditAllowances {
	/** YouTube ids the player may embed. */
	youtubeIds: ReadonlySet<string>;
	/** Embeds come from youtube-nocookie.com (privacy mode) rather than youtube.com. */
	privacy: boolean;
	/** Whether a `<video>`/`<audio>` source is one the plugin may load (a vault file's URL, a checked http(s) URL). */
	mediaSource(src: string): boolean;
	/** Elements another check covers (the reading view's sanitized markdown, compared with a plain render). */
	exempt?(el: Element): boolean;
}

/** A URL as the browser reads its scheme: control characters and spaces dropped, lower case. */
export function schemeOf(value: string): string {
	let out = "";
	for (const ch of value) {
		const code = ch.codePointAt(0) ?? 0;
		if (code > 0x20 && !(code >= 0x7f && code <= 0x9f)) out += ch;
	}
	return out.toLowerCase();
}

/** The YouTube embed address the player builds: host per privacy, an 11-character id, and only its own parameters. */
export function embedProblem(src: string, allow: AuditAllowances): string | null {
	const m = /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{11})\?([^#]*)$/.exec(src);
	if (!m) return `iframe src ${src} is not a YouTube embed address`;
	if (Boolean(m[1]) !== allow.privacy) return `iframe src ${src} is on the wrong host for privacy mode ${String(allow.privacy)}`;
	if (!allow.youtubeIds.has(m[2] ?? "")) return `iframe embeds ${m[2] ?? ""}, which the note does not name`;
	const params = new URLSearchParams(m[3] ?? "");
	const keys = [...params.keys()].sort().join(",");
	if (keys !== "enablejsapi,origin,playsinline,rel" && keys !== "enablejsapi,playsinline,rel") return `iframe src ${src} has parameters ${keys}`;
	if (params.get("enablejsapi") !== "1" || params.get("playsinline") !== "1" || params.get("rel") !== "0") return `iframe src ${src} has unexpected values`;
	return null;
}

/**
 * Everything under `root` that could run a script or load an unchecked address: any `on*`
 * attribute; any URL attribute with a `javascript:`, `data:` or `vbscript:` scheme (or a
 * `srcdoc`); and any active element (`script`, `iframe`, `img`, `video`, `audio`, `object`,
 * `embed`, …) other than CodeMirror's own spacer images, the player's YouTube iframe with an
 * allowed id, and the player's media element on an allowed source. Returns one line per problem.
 */
export function auditDom(root: ParentNode, allow: AuditAllowances): string[] {
	const problems: string[] = [];
	const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}>`;
	for (const el of Array.from(root.querySelectorAll("*"))) {
		for (const attr of Array.from(el.attributes)) {
			const name = attr.name.toLowerCase();
			if (name.startsWith("on")) problems.push(`${describe(el)} has the handler attribute ${attr.name}="${attr.value}"`);
			if (name === "srcdoc") problems.push(`${describe(el)} has a srcdoc`);
			if (URL_ATTRIBUTES.includes(name) && DANGEROUS_SCHEME.test(schemeOf(attr.value))) problems.push(`${describe(el)} has ${attr.name}="${attr.value}"`);
		}
		const tag = el.tagName.toLowerCase();
		if (!ACTIVE_TAGS.includes(tag) || allow.exempt?.(el)) continue;
		const src = el.getAttribute("src") ?? "";
		if (tag === "img" && el.classList.contains("cm-widgetBuffer") && !el.hasAttribute("src")) continue;
		if (tag === "iframe" && el.classList.contains("vc-player-iframe")) {
			const problem = embedProblem(src, allow);
			if (problem) problems.push(problem);
			continue;
		}
		if ((tag === "video" || tag === "audio") && el.classList.contains("vc-player-media")) {
			if (el.hasAttribute("src") && !allow.mediaSource(src)) problems.push(`${describe(el)} loads ${src}`);
			continue;
		}
		problems.push(`${describe(el)} should not exist${src ? ` (src ${src})` : ""}`);
	}
	return problems;
}

/**
 * The ids a note may have the player embed: each run of exactly 11 YouTube-id characters in its
 * text (an overlong run, or one broken by a lookalike or invisible character, is none).
 */
export function idsNamedIn(text: string): Set<string> {
	const ids = new Set<string>();
	for (const m of text.matchAll(/[A-Za-z0-9_-]+/g)) if (m[0].length === 11) ids.add(m[0]);
	return ids;
}

/** The note rendered in reading view by the double alone (no plugin): the sanitizer's own output. */
export async function plainReading(text: string, path: string): Promise<HTMLElement> {
	const app = new App();
	const view = await app.workspace.openNote(app.vault.seed(path, text), "reading");
	return view.previewEl;
}

/** Classes the reading view may add to an element, and attributes it may add. */
const ADDED_CLASSES = new Set(["is-invalid", "is-repaired", "is-novideo", "is-playing", "vc-moment-link"]);
const ADDED_ATTRIBUTES = new Set(["role", "tabindex", "aria-label"]);

/** The class of the links the reading view builds in place of an element's markup shown as text. */
const TEXT_CITATION = "vc-text-citation";

/**
 * What is wrong with a link the reading view built in place of markup the renderer showed as text:
 * it must be an inert `<a>` holding only text, with no address and no attribute but its classes
 * and what a seek link may add.
 */
function builtLinkProblem(el: Element): string | null {
	if (el.tagName !== "A") return `a built link is <${el.tagName}>`;
	if (el.childElementCount > 0) return "a built link holds elements";
	for (const attr of Array.from(el.attributes)) {
		if (attr.name === "class") {
			const unexpected = attr.value.split(/\s+/).filter((c) => c && c !== "yt-timestamp" && c !== TEXT_CITATION && !ADDED_CLASSES.has(c));
			if (unexpected.length) return `a built link has classes ${unexpected.join(" ")}`;
		} else if (!ADDED_ATTRIBUTES.has(attr.name)) return `a built link has ${attr.name}="${attr.value}"`;
	}
	return null;
}

/**
 * How the plugin's reading view differs from the plain render beyond what a seek link is allowed
 * to change in place (role, tabindex, tooltip, state classes, the time written into an empty
 * element): one line per element added, removed, retagged, or given or robbed of an attribute.
 * The one element it may add is an inert link in place of an element's markup that the renderer
 * showed as text (class `vc-text-citation`): each is checked on its own, then left out.
 */
export function readingDiff(withPlugin: HTMLElement, plain: HTMLElement): string[] {
	const problems: string[] = [];
	const a = Array.from(withPlugin.querySelectorAll("*")).filter((el) => {
		if (!el.classList.contains(TEXT_CITATION)) return true;
		const problem = builtLinkProblem(el);
		if (problem) problems.push(problem);
		return false;
	});
	const b = Array.from(plain.querySelectorAll("*"));
	if (a.length !== b.length) problems.push(`${a.length} elements with the plugin, ${b.length} without`);
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const x = a[i] as Element;
		const y = b[i] as Element;
		if (x.tagName !== y.tagName) {
			problems.push(`element ${i} is <${x.tagName}> with the plugin, <${y.tagName}> without`);
			break;
		}
		for (const attr of Array.from(x.attributes)) {
			const before = y.getAttribute(attr.name);
			if (attr.name === "class") {
				const added = attr.value.split(/\s+/).filter((c) => c && !(before ?? "").split(/\s+/).includes(c));
				const unexpected = added.filter((c) => !ADDED_CLASSES.has(c));
				if (unexpected.length) problems.push(`<${x.tagName}> gained classes ${unexpected.join(" ")}`);
			} else if (before === null && !ADDED_ATTRIBUTES.has(attr.name)) problems.push(`<${x.tagName}> gained ${attr.name}="${attr.value}"`);
			else if (before !== null && before !== attr.value) problems.push(`<${x.tagName}> ${attr.name} changed from "${before}" to "${attr.value}"`);
		}
		for (const attr of Array.from(y.attributes)) if (!x.hasAttribute(attr.name)) problems.push(`<${x.tagName}> lost ${attr.name}`);
	}
	return problems;
}
