/**
 * The element an event happened on (the parent element for a text node). Checked by node type
 * rather than `instanceof`, which fails for elements of a pop-out window.
 */
export function targetElement(evt: Event): Element | null {
	const target = evt.target as Node | null;
	if (!target) return null;
	return target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
}
