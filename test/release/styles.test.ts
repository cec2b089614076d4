/**
 * styles.css holds nothing the community directory's review flags: no `!important`, no colour
 * that ignores the theme (hex, rgb()/hsl() numbers, named colours) except as a `var(--…)`
 * fallback, no rule that styles Obsidian's own classes without a plugin-scoped selector, no remote
 * `@import` or `url()`.
 *
 * `rgba(var(--color-orange-rgb), 0.1)` passes: the colour is the theme's, only its opacity is
 * the plugin's (Obsidian's own stylesheet tints the same way).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./repo";

/** A selector is the plugin's when it names one of its classes, the citations' class or one of its views. */
const PLUGIN_SCOPE = /\.vc-[\w-]|\.yt-timestamp\b|\[data-type=["']?video-citations-/;

/** CSS's named colours (CSS Color 4), `transparent` and `currentColor` aside: they follow the theme. */
const NAMED_COLOURS = new Set(
	(
		"aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
		"cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray " +
		"darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
		"darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
		"firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
		"hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
		"lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
		"lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue " +
		"mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred " +
		"midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid " +
		"palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple " +
		"rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue " +
		"slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white " +
		"whitesmoke yellow yellowgreen"
	).split(" "),
);

interface Rule {
	selector: string;
	declarations: { property: string; value: string }[];
	/** The at-rules it sits in (`@media (…)`). */
	context: string[];
}
interface Sheet {
	rules: Rule[];
	/** Statement at-rules: `@import …`, `@charset …`. */
	statements: string[];
	/** Names of `@keyframes`. */
	keyframes: string[];
}

/** Splits `text` at `separator` outside parentheses, brackets and strings. */
function splitTopLevel(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote: string | null = null;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			if (c === "\\") i++;
			else if (c === quote) quote = null;
		} else if (c === '"' || c === "'") quote = c;
		else if (c === "(" || c === "[") depth++;
		else if (c === ")" || c === "]") depth--;
		else if (c === separator && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts.map((p) => p.trim()).filter(Boolean);
}

/** The index of the `}` closing the block opened at `open`. */
function closingBrace(text: string, open: number): number {
	let depth = 0;
	let quote: string | null = null;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			if (c === "\\") i++;
			else if (c === quote) quote = null;
		} else if (c === '"' || c === "'") quote = c;
		else if (c === "{") depth++;
		else if (c === "}" && --depth === 0) return i;
	}
	throw new Error(`unclosed block at ${open}`);
}

/** Reads a stylesheet into rules and at-rules (enough CSS for a plugin's styles.css; no nesting). */
function parseSheet(css: string, context: string[] = [], sheet: Sheet = { rules: [], statements: [], keyframes: [] }): Sheet {
	const text = css.replace(/\/\*[\s\S]*?\*\//g, " ");
	let pos = 0;
	while (pos < text.length) {
		const brace = text.indexOf("{", pos);
		const semicolon = text.indexOf(";", pos);
		if (brace === -1 && semicolon === -1) {
			if (text.slice(pos).trim()) throw new Error(`stray text: ${text.slice(pos).trim()}`);
			break;
		}
		if (semicolon !== -1 && (brace === -1 || semicolon < brace)) {
			const statement = text.slice(pos, semicolon).trim();
			if (!statement.startsWith("@")) throw new Error(`declaration outside a rule: ${statement}`);
			sheet.statements.push(statement);
			pos = semicolon + 1;
			continue;
		}
		const prelude = text.slice(pos, brace).trim();
		const close = closingBrace(text, brace);
		const body = text.slice(brace + 1, close);
		pos = close + 1;
		if (prelude.startsWith("@keyframes") || prelude.startsWith("@-webkit-keyframes")) {
			sheet.keyframes.push(prelude.split(/\s+/)[1] ?? "");
			continue;
		}
		if (/^@(media|supports|container|layer)\b/.test(prelude)) {
			parseSheet(body, [...context, prelude], sheet);
			continue;
		}
		if (prelude.startsWith("@")) throw new Error(`unexpected at-rule: ${prelude}`);
		if (body.includes("{")) throw new Error(`nested rules are not checked: ${prelude}`);
		const declarations = splitTopLevel(body, ";").map((d) => {
			const colon = d.indexOf(":");
			return { property: d.slice(0, colon).trim(), value: d.slice(colon + 1).trim() };
		});
		sheet.rules.push({ selector: prelude, declarations, context });
	}
	return sheet;
}

/** `value` without strings and without `var(…)` calls (their fallbacks may name any colour). */
function themeFree(value: string): string {
	let out = value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
	for (;;) {
		const start = out.search(/\bvar\(/);
		if (start === -1) return out;
		let depth = 0;
		let end = start;
		for (; end < out.length; end++) {
			if (out[end] === "(") depth++;
			else if (out[end] === ")" && --depth === 0) break;
		}
		out = out.slice(0, start) + out.slice(end + 1);
	}
}

/** What the directory's review would flag in `css`, one line per problem. */
function problems(css: string): string[] {
	const sheet = parseSheet(css);
	const found: string[] = [];
	for (const statement of sheet.statements) {
		if (/^@import\b/i.test(statement) && /(?:https?:)?\/\//i.test(statement)) found.push(`remote import: ${statement}`);
	}
	for (const name of sheet.keyframes) if (!name.startsWith("vc-")) found.push(`keyframes not named vc-…: ${name}`);
	for (const rule of sheet.rules) {
		for (const selector of splitTopLevel(rule.selector, ",")) {
			if (!PLUGIN_SCOPE.test(selector)) found.push(`not plugin-scoped: ${selector}`);
		}
		for (const { property, value } of rule.declarations) {
			const where = `${rule.selector} { ${property}: ${value} }`;
			if (/!\s*important/i.test(value)) found.push(`!important: ${where}`);
			if (/\burl\(\s*["']?(?:https?:)?\/\//i.test(value)) found.push(`remote url(): ${where}`);
			const own = themeFree(value);
			if (/#[0-9a-f]{3,8}\b/i.test(own)) found.push(`hex colour: ${where}`);
			for (const fn of own.matchAll(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(([^()]*)\)/gi)) {
				// Channels from var() leave only separators and, at most, an opacity.
				if (!/^[\s,/]*(?:\d*\.?\d+%?)?\s*$/.test(fn[1] ?? "")) found.push(`colour numbers: ${where}`);
			}
			for (const word of own.toLowerCase().match(/(?<![\w-])[a-z]+(?![\w-])/g) ?? []) {
				if (NAMED_COLOURS.has(word)) found.push(`named colour ${word}: ${where}`);
			}
		}
	}
	return found;
}

describe("the styles.css check", () => {
	it("flags each kind of problem the review looks for", () => {
		const bad = [
			"@import url(https://fonts.example/x.css);",
			".vc-a { color: red !important; }",
			".vc-b { color: #fff; background: rgb(0, 0, 0); border-color: white; }",
			".workspace-leaf { padding: 0; }",
			".vc-c, .markdown-preview-view p { margin: 0; }",
			".vc-d { background: url(//cdn.example/bg.png); }",
			"@keyframes spin { from { opacity: 0; } }",
		].join("\n");
		expect(problems(bad)).toEqual([
			"remote import: @import url(https://fonts.example/x.css)",
			"keyframes not named vc-…: spin",
			"!important: .vc-a { color: red !important }",
			"named colour red: .vc-a { color: red !important }",
			"hex colour: .vc-b { color: #fff }",
			"colour numbers: .vc-b { background: rgb(0, 0, 0) }",
			"named colour white: .vc-b { border-color: white }",
			"not plugin-scoped: .workspace-leaf",
			"not plugin-scoped: .markdown-preview-view p",
			"remote url(): .vc-d { background: url(//cdn.example/bg.png) }",
		]);
	});

	it("lets theme variables, their fallbacks and theme-tinted colours through", () => {
		const good = [
			".vc-a { color: var(--text-muted, #888); background-color: rgba(var(--color-orange-rgb), 0.1); }",
			".vc-b { border: 1px solid transparent; color: currentColor; content: \"red\"; }",
			'.view-content:has(> .vc-pinned-player) > .markdown-source-view { flex: 1; }',
			'.workspace-leaf-content[data-type="video-citations-player"] { padding: 0; }',
			"@media (max-width: 400px) { .is-phone .vc-c { display: none; } }",
		].join("\n");
		expect(problems(good)).toEqual([]);
	});
});

describe("styles.css", () => {
	const css = readFileSync(join(ROOT, "styles.css"), "utf8");

	it("has nothing the directory's review flags", () => {
		expect(problems(css)).toEqual([]);
	});

	it("has rules to check (the parser read it)", () => {
		expect(parseSheet(css).rules.length).toBeGreaterThan(50);
	});
});
